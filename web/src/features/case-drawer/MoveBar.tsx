import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allowedTargets,
  describeMissingFacts,
  moveInputSchema,
  movesFrom,
  type ApprovalPolicy,
  type CaseColumn,
  type CaseDetail,
  type MoveDefinition,
} from '@app/shared';
import { ApiError } from '../../app/api-client.js';
import { useCurrentUser } from '../auth/use-session.js';
import { moveCase } from './case-drawer-api.js';
import { asLocale, errorText } from './format.js';

interface MoveBarProps {
  detail: CaseDetail;
  policy: ApprovalPolicy;
  onCase(detail: CaseDetail): void;
}

/**
 * The moves the signed-in role may make from the case's column, judged by the shared workflow
 * before anything is sent: a move that lacks facts says which, in words, and is not sent.
 */
export function MoveBar({ detail, policy, onCase }: MoveBarProps) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const user = useCurrentUser();
  const [asking, setAsking] = useState<MoveDefinition | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'alert' | 'status'; text: string } | null>(null);

  const moves = movesFrom(detail.column).filter((move) => move.roles.includes(user.role));
  const targets = allowedTargets(detail, user, policy);
  const columnName = (column: CaseColumn) => t(`column.${column}`);
  const moveLabel = (move: MoveDefinition) => t(`caseDrawer.move.${move.kind}`, { column: columnName(move.to) });

  const send = async (move: MoveDefinition, withReason?: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const moved = await moveCase(detail.id, { to: move.to, version: detail.version, ...(withReason ? { reason: withReason } : {}) });
      setAsking(null);
      setReason('');
      onCase(moved);
      setMessage({ kind: 'status', text: t('caseDrawer.move.done', { column: columnName(move.to) }) });
    } catch (error) {
      const body = error instanceof ApiError ? error.body : undefined;
      const current = (body?.details as { current?: CaseDetail } | undefined)?.current;
      if (body?.code === 'VERSION_CONFLICT' && current) onCase(current);
      const text =
        body?.code === 'TRANSITION_REFUSED' && body.missing
          ? t('caseDrawer.move.refused', { column: columnName(move.to), facts: describeMissingFacts(body.missing, locale) })
          : body?.code === 'VERSION_CONFLICT'
            ? t('caseDrawer.move.conflict')
            : errorText(error, locale, t('caseDrawer.move.failed'));
      setMessage({ kind: 'alert', text });
    } finally {
      setBusy(false);
    }
  };

  const choose = (move: MoveDefinition) => {
    const verdict = targets[move.to];
    if (!verdict.allowed) {
      setMessage({
        kind: 'alert',
        text: t('caseDrawer.move.refused', { column: columnName(move.to), facts: describeMissingFacts(verdict.missing, locale) }),
      });
      return;
    }
    if (verdict.needsReason) {
      setAsking(move);
      setReasonMissing(false);
      setMessage(null);
      return;
    }
    void send(move);
  };

  const confirmWithReason = () => {
    if (!asking) return;
    const parsed = moveInputSchema.shape.reason.safeParse(reason);
    if (!parsed.success || !parsed.data) {
      setReasonMissing(true);
      document.getElementById('move-reason')?.focus();
      return;
    }
    void send(asking, parsed.data);
  };

  return (
    <section className="drawer-section move-bar" aria-labelledby="move-bar-heading">
      <h3 id="move-bar-heading">{t('caseDrawer.move.heading')}</h3>
      {moves.length === 0 && <p className="drawer-section__hint">{t('caseDrawer.move.none')}</p>}
      <ul className="move-bar__moves">
        {moves.map((move) => {
          const verdict = targets[move.to];
          const missingId = `move-missing-${move.to}`;
          return (
            <li key={move.to} className="move-bar__move">
              <button
                type="button"
                className={`button${verdict.allowed ? ' button--primary' : ''}`}
                aria-disabled={verdict.allowed ? undefined : true}
                aria-describedby={verdict.allowed ? undefined : missingId}
                disabled={busy}
                onClick={() => choose(move)}
              >
                {moveLabel(move)}
              </button>
              {!verdict.allowed && (
                <span id={missingId} className="move-bar__missing">
                  {t('caseDrawer.move.missing', { facts: describeMissingFacts(verdict.missing, locale) })}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {asking && (
        <div className="move-bar__reason">
          <label htmlFor="move-reason">{t('caseDrawer.move.reason', { move: moveLabel(asking) })}</label>
          <textarea
            id="move-reason"
            rows={2}
            value={reason}
            aria-invalid={reasonMissing || undefined}
            aria-describedby={reasonMissing ? 'move-reason-error' : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonMissing && (
            <span id="move-reason-error" className="field__error">
              {t('caseDrawer.move.reasonRequired')}
            </span>
          )}
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={confirmWithReason} disabled={busy}>
              {t('caseDrawer.move.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(null)}>
              {t('caseDrawer.cancel')}
            </button>
          </div>
        </div>
      )}
      {/* Both live regions exist from the start, so screen readers announce what appears in them. */}
      <p className="move-bar__message" role="status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      <p className="move-bar__message move-bar__message--refused" role="alert">
        {message?.kind === 'alert' ? message.text : ''}
      </p>
    </section>
  );
}
