/**
 * `@username` tokens in a comment, lower-cased, unique, in order of first appearance. Usernames
 * are `[A-Za-z0-9._-]`; an `@` right after one of those characters is part of something else
 * (an e-mail address such as wang@example.com), and a trailing dot ends the sentence, not the name.
 */
export function mentionedUsernames(body: string): string[] {
  const names = [...body.matchAll(/(?<![A-Za-z0-9._-])@([A-Za-z0-9._-]{1,64})/g)].map((match) =>
    match[1].replace(/\.+$/, '').toLowerCase(),
  );
  return [...new Set(names.filter(Boolean))];
}
