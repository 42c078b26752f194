import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCard, CaseColumn, MoveKind } from '@app/shared';

interface ReasonDialogProps {
  card: CaseCard;
  to: CaseColumn;
  kind: Extract<MoveKind, 'rejection' | 'reopen'>;
  onSubmit(reason: string): void;
  onCancel(): void;
}

/**
 * Asked after a drop that sends a case back (rejection, reopen): the people who receive it must
 * know why. Modal: focus starts in the text box, stays inside, Esc cancels, and on closing it
 * returns to where it was.
 */
export function ReasonDialog({ card, to, kind, onSubmit, onCancel }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const titleId = useId();
  const hintId = useId();
  const errorId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    textArea.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setProblem(t('board.reason.required'));
      textArea.current?.focus();
      return;
    }
    onSubmit(trimmed);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('textarea, button')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="board-dialog__backdrop">
      <div ref={dialog} className="board-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="board-dialog__title">
          {t(`board.reason.title_${kind}`, { to: t(`column.${to}`) })}
        </h2>
        <p className="board-dialog__case">{t('board.reason.intro', { number: card.number, title: card.title })}</p>
        <form onSubmit={submit} noValidate>
          <label className="board-dialog__label" htmlFor={`${titleId}-reason`}>
            {t('board.reason.label')}
          </label>
          <textarea
            id={`${titleId}-reason`}
            ref={textArea}
            value={reason}
            maxLength={1000}
            rows={4}
            required
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(null);
            }}
          />
          <p id={hintId} className="board-dialog__hint">
            {t('board.reason.hint')}
          </p>
          {problem && (
            <p id={errorId} className="board-dialog__error" role="alert">
              {problem}
            </p>
          )}
          <div className="board-dialog__actions">
            <button type="button" className="button" onClick={onCancel}>
              {t('board.reason.cancel')}
            </button>
            <button type="submit" className="button button--primary">
              {t('board.reason.submit')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
