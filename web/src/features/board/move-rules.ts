import {
  allowedTargets,
  CASE_COLUMNS,
  DEFAULT_APPROVAL_POLICY,
  describeMissingFacts,
  type ApprovalPolicy,
  type CaseCard,
  type CaseColumn,
  type CaseDetail,
  type Locale,
  type UserSummary,
  type WorkflowCase,
} from '@app/shared';
import type { TFunction } from 'i18next';

export type ColumnVerdict =
  | { kind: 'current' }
  | { kind: 'allowed'; needsReason: boolean }
  /** Depends on facts the card does not carry; the case detail is on its way. A drop is still sent: the server decides. */
  | { kind: 'checking' }
  | { kind: 'refused'; reason: string };

export type ColumnVerdicts = Record<CaseColumn, ColumnVerdict>;

/** The card knows only the intake fields; everything else waits for the case detail. */
function cardAsWorkflowCase(card: CaseCard): WorkflowCase {
  return { column: card.column, title: card.title, channel: card.channel, category: card.category, severity: card.severity };
}

/**
 * How each column looks while `card` is dragged, by the shared workflow rules the server applies
 * too. Role and "not a move" refusals are known from the card alone; missing facts need `detail`
 * (only used when it is as new as the card) and the approval policy.
 */
export function columnVerdicts(
  card: CaseCard,
  detail: CaseDetail | null,
  actor: UserSummary,
  policy: ApprovalPolicy | null,
  t: TFunction,
  locale: Locale,
): ColumnVerdicts {
  const known = detail !== null && detail.version >= card.version && policy !== null;
  const caseState: WorkflowCase = known ? { ...detail, column: card.column } : cardAsWorkflowCase(card);
  // Without the real policy every fact-based verdict below is `checking`, so the default is never shown.
  const targets = allowedTargets(caseState, actor, policy ?? DEFAULT_APPROVAL_POLICY);
  const verdicts = {} as ColumnVerdicts;
  for (const column of CASE_COLUMNS) {
    const target = targets[column];
    if (column === card.column) verdicts[column] = { kind: 'current' };
    else if (target.allowed) verdicts[column] = { kind: 'allowed', needsReason: target.needsReason };
    else if (target.error === 'NOT_A_MOVE')
      verdicts[column] = { kind: 'refused', reason: t('board.move.notAMove', { from: t(`column.${card.column}`), to: t(`column.${column}`) }) };
    else if (target.error === 'ROLE_NOT_ALLOWED') verdicts[column] = { kind: 'refused', reason: t('board.move.roleNotAllowed', { role: t(`role.${actor.role}`) }) };
    else if (!known) verdicts[column] = { kind: 'checking' };
    else verdicts[column] = { kind: 'refused', reason: t('board.move.missing', { facts: describeMissingFacts(target.missing, locale) }) };
  }
  return verdicts;
}
