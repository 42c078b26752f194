import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commentInputSchema, STAFF_ROLES, type CaseComment, type UserSummary } from '@app/shared';
import { fetchComments, postComment } from './case-drawer-api.js';
import { useCurrentUser } from '../auth/use-session.js';
import { asLocale, errorText, formatDateTime } from './format.js';

const MAX_SUGGESTIONS = 8;

/** The `@partial` being typed just before the caret, if any. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}_.-]*)$/u.exec(text.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2].toLowerCase() } : null;
}

function suggestionsFor(users: readonly UserSummary[], query: string): UserSummary[] {
  return users
    .filter((user) => user.username.toLowerCase().startsWith(query) || user.displayName.toLowerCase().includes(query))
    .slice(0, MAX_SUGGESTIONS);
}

interface CommentsPanelProps {
  caseId: string;
  users: readonly UserSummary[];
  refreshKey: string;
  /** A comment was added: the timeline has a new entry. */
  onAdded(): void;
}

/**
 * Comments with @mention autocomplete: typing `@` offers colleagues by username or name; arrows
 * choose, Enter or Tab inserts `@username`, Escape closes the list (and only the list).
 */
export function CommentsPanel({ caseId, users, refreshKey, onAdded }: CommentsPanelProps) {
  const { t, i18n } = useTranslation();
  // Admin administers the board and takes no part in cases; the server refuses it too.
  const collaborates = (STAFF_ROLES as readonly string[]).includes(useCurrentUser().role);
  const locale = asLocale(i18n.language);
  const [comments, setComments] = useState<CaseComment[] | null>(null);
  const [loadFailure, setLoadFailure] = useState('');
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let current = true;
    fetchComments(caseId).then(
      (value) => current && setComments(value),
      (error: unknown) => current && setLoadFailure(errorText(error, locale, t('caseDrawer.loadFailed'))),
    );
    return () => {
      current = false;
    };
  }, [caseId, refreshKey, locale, t]);

  const mention = mentionAt(text, caret);
  const suggestions = mention && dismissedAt !== mention.start ? suggestionsFor(users, mention.query) : [];
  const open = suggestions.length > 0;
  const activeIndex = Math.min(active, suggestions.length - 1);
  const listId = 'comment-mentions';
  const optionId = (index: number) => `comment-mention-${index}`;

  const track = (element: HTMLTextAreaElement) => {
    setText(element.value);
    setCaret(element.selectionStart ?? element.value.length);
    setActive(0);
  };

  const insert = (user: UserSummary) => {
    if (!mention) return;
    const before = `${text.slice(0, mention.start)}@${user.username} `;
    const next = before + text.slice(caret);
    setText(next);
    setCaret(before.length);
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(before.length, before.length);
    });
  };

  const send = async () => {
    const parsed = commentInputSchema.safeParse({ body: text });
    if (!parsed.success) {
      setFailure(t('caseDrawer.comments.empty'));
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      const added = await postComment(caseId, parsed.data.body);
      setComments((current) => [...(current ?? []), added]);
      setText('');
      setCaret(0);
      onAdded();
    } catch (error) {
      setFailure(errorText(error, locale, t('caseDrawer.comments.failed')));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        insert(suggestions[activeIndex]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(mention!.start);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const nameOf = (username: string) => users.find((user) => user.username.toLowerCase() === username.toLowerCase());

  return (
    <section className="drawer-section comments" aria-labelledby="comments-heading">
      <h3 id="comments-heading">{t('caseDrawer.comments.heading')}</h3>
      {loadFailure && <p role="alert">{loadFailure}</p>}
      {comments && comments.length === 0 && <p className="drawer-section__hint">{t('caseDrawer.comments.none')}</p>}
      {comments && comments.length > 0 && (
        <ol className="comments__list">
          {comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment__meta">
                <strong>{comment.authorName}</strong> <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale)}</time>
              </p>
              <p className="comment__body">
                {comment.body.split(/(@[\p{L}\p{N}_.-]+)/u).map((part, index) => {
                  const mentioned = part.startsWith('@') ? nameOf(part.slice(1)) : undefined;
                  return mentioned ? (
                    <mark key={index} className="comment__mention" title={mentioned.displayName}>
                      {part}
                    </mark>
                  ) : (
                    part
                  );
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
      {collaborates && (
        <form className="comments__form" onSubmit={onSubmit} noValidate>
          <label htmlFor="comment-body">{t('caseDrawer.comments.label')}</label>
          <div className="mention">
            <textarea
              ref={textareaRef}
              id="comment-body"
              rows={3}
              value={text}
              aria-autocomplete="list"
              aria-controls={open ? listId : undefined}
              aria-activedescendant={open ? optionId(activeIndex) : undefined}
              aria-describedby="comment-hint"
              onChange={(event) => track(event.target)}
              onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
              onKeyDown={onKeyDown}
              onBlur={() => mention && setDismissedAt(mention.start)}
              onFocus={() => setDismissedAt(null)}
            />
            {open && (
              <ul id={listId} role="listbox" className="mention__list" aria-label={t('caseDrawer.comments.suggestions')}>
                {suggestions.map((user, index) => (
                  <li
                    key={user.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === activeIndex}
                    className={index === activeIndex ? 'mention__option mention__option--active' : 'mention__option'}
                    // Keeps focus in the textarea, so the list does not close on blur before the click lands.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => insert(user)}
                  >
                    {user.displayName} <span className="mention__username">@{user.username}</span> · {t(`role.${user.role}`)}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <p id="comment-hint" className="drawer-section__hint">
            {t('caseDrawer.comments.hint')}
          </p>
          {failure && (
            <p className="form-error" role="alert">
              {failure}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('caseDrawer.comments.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
