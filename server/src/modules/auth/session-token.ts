import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes in base64url, as the cookie carries them. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface NewSessionToken {
  /** Goes to the browser only. */
  token: string;
  /** Stored as the session's id. */
  id: string;
}

export function newSessionToken(): NewSessionToken {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token)! };
}

/** The stored id for a cookie's token; undefined for anything that cannot be a token, sparing a lookup. */
export function sessionIdOf(token: unknown): string | undefined {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return undefined;
  return createHash('sha256').update(token).digest('hex');
}
