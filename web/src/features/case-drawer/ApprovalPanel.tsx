import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approvalInputSchema,
  approvalStatus,
  canApprove,
  type ApprovalDecision,
  type ApprovalPolicy,
  type CaseDetail,
  type UserSummary,
} from '@app/shared';
import { ApiError } from '../../app/api-client.js';
import { useCurrentUser } from '../auth/use-session.js';
import { decideApproval } from './case-drawer-api.js';
import { userName } from './field-format.js';
import { asLocale, errorText, formatDateTime, formatMoney } from './format.js';

interface ApprovalPanelProps {
  detail: CaseDetail;
  policy: ApprovalPolicy;
  users: readonly UserSummary[];
  onCase(detail: CaseDetail): void;
  /** The case as it is now, after a decision was refused because it changed underneath. */
  onStale(): void;
}

/**
 * The authority this amount needs (the policy's tier), who has decided, and Approve / Reject for
 * those who may decide now. The same shared rules decide on the server.
 */
export function ApprovalPanel({ detail, policy, users, onCase, onStale }: ApprovalPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  const user = useCurrentUser();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  const status = approvalStatus(detail, policy);
  const permission = canApprove(user, detail, policy);
  const amount = detail.compensation.amount ?? null;
  const roleList = (roles: readonly string[]) => roles.map((role) => t(`role.${role}`)).join('、');

  const decide = async (decision: ApprovalDecision) => {
    if (amount === null) return;
    const input = { decision, amount, ...(decision === 'rejected' ? { reason } : {}) };
    const parsed = approvalInputSchema.safeParse(input);
    if (!parsed.success) {
      setReasonMissing(true);
      document.getElementById('approval-reason')?.focus();
      return;
    }
    setBusy(true);
    setFailure('');
    try {
      onCase(await decideApproval(detail.id, parsed.data));
      setRejecting(false);
      setReason('');
    } catch (error) {
      setFailure(errorText(error, locale, t('caseDrawer.approval.failed')));
      if (error instanceof ApiError && error.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  let summary: string;
  if (status.needsAmount) summary = t('caseDrawer.approval.needsAmount');
  else if (status.required.length === 0) summary = t('caseDrawer.approval.notNeeded');
  else summary = t('caseDrawer.approval.tier', { amount: formatMoney(amount ?? 0, locale), approvers: roleList(status.required) });

  return (
    <section className="drawer-section approval" aria-labelledby="approval-heading">
      <h3 id="approval-heading">{t('caseDrawer.approval.heading')}</h3>
      <p className="approval__tier">{summary}</p>
      {status.required.length > 0 && (
        <ul className="approval__slots">
          {status.required.map((role) => {
            const done = status.satisfied.includes(role);
            return (
              <li key={role} className={done ? 'approval__slot approval__slot--done' : 'approval__slot'}>
                {t(done ? 'caseDrawer.approval.slotDone' : 'caseDrawer.approval.slotOpen', { role: t(`role.${role}`) })}
              </li>
            );
          })}
        </ul>
      )}
      {status.rejected && <p className="approval__rejected">{t('caseDrawer.approval.standingRejection')}</p>}
      {status.required.length > 0 && status.complete && <p className="approval__complete">{t('caseDrawer.approval.complete')}</p>}

      {detail.approvals.length > 0 && (
        <ol className="approval__decisions" aria-label={t('caseDrawer.approval.decisions')}>
          {detail.approvals.map((approval) => (
            <li key={approval.id} className={approval.voidedAt ? 'approval__decision approval__decision--void' : 'approval__decision'}>
              {t(`caseDrawer.approval.decision.${approval.decision}`, {
                name: userName(users, approval.approverId),
                role: t(`role.${approval.approverRole}`),
                amount: formatMoney(approval.amount, locale),
              })}{' '}
              <time dateTime={approval.decidedAt}>{formatDateTime(approval.decidedAt, locale)}</time>
              {approval.reason && <span className="approval__reason">{t('caseDrawer.approval.reasonShown', { reason: approval.reason })}</span>}
              {approval.voidedAt && <span className="approval__void">{t('caseDrawer.approval.voided')}</span>}
            </li>
          ))}
        </ol>
      )}

      {permission.ok && !rejecting && (
        <div className="form-actions">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void decide('approved')}>
            {t('caseDrawer.approval.approve', { amount: formatMoney(amount ?? 0, locale) })}
          </button>
          <button type="button" className="button button--danger" disabled={busy} onClick={() => setRejecting(true)}>
            {t('caseDrawer.approval.reject')}
          </button>
        </div>
      )}
      {permission.ok && rejecting && (
        <div className="approval__reject">
          <label htmlFor="approval-reason">{t('caseDrawer.approval.reason')}</label>
          <textarea
            id="approval-reason"
            rows={2}
            value={reason}
            aria-invalid={reasonMissing || undefined}
            aria-describedby={reasonMissing ? 'approval-reason-error' : undefined}
            onChange={(event) => setReason(event.target.value)}
            autoFocus
          />
          {reasonMissing && (
            <span id="approval-reason-error" className="field__error">
              {t('caseDrawer.approval.reasonRequired')}
            </span>
          )}
          <div className="form-actions">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void decide('rejected')}>
              {t('caseDrawer.approval.confirmReject')}
            </button>
            <button type="button" className="button" onClick={() => setRejecting(false)}>
              {t('caseDrawer.cancel')}
            </button>
          </div>
        </div>
      )}
      {!permission.ok && (permission.reason === 'OWN_PROPOSAL' || permission.reason === 'ALREADY_DECIDED') && (
        <p className="drawer-section__hint">{t(`caseDrawer.approval.why.${permission.reason}`)}</p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
