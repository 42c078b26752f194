import type { CaseDetail, Category, Channel, Remedy, Severity, Verdict } from '../cases/case.schema.js';
import { INTAKE_ROLES, type Role } from '../users/user.schema.js';
import {
  approvalStatus,
  involvesMoney,
  type ApprovalPolicy,
  type MoneySection,
  type WorkflowApproval,
} from './approval-authority.js';
import { CASE_COLUMNS, type CaseColumn } from './columns.js';
import type { FactPath } from './fact-labels.js';

/**
 * The least a caller must hand over to have a move judged. Every section is optional so the web
 * can pass a card merged with whatever detail it has loaded; what is absent counts as missing.
 */
export interface WorkflowCase {
  column: CaseColumn;
  title?: string | null;
  channel?: Channel | null;
  category?: Category | null;
  severity?: Severity | null;
  customer?: { name?: string | null; phone?: string | null } | null;
  shipment?: { waybill?: string | null; origin?: string | null; destination?: string | null } | null;
  facts?: { description?: string | null } | null;
  claim?: MoneySection | null;
  investigation?: { verdict?: Verdict | null; customerExplanation?: string | null } | null;
  compensation?: (MoneySection & { customerAgreed?: boolean | null; proposedBy?: string | null }) | null;
  approvals?: readonly WorkflowApproval[] | null;
  correctiveAction?: {
    rootCause?: string | null;
    responsibleParty?: string | null;
    accountabilityMeasure?: string | null;
    preventiveAction?: string | null;
    preventiveOwnerId?: string | null;
    preventiveDueDate?: string | null;
    remedyCarriedOut?: boolean | null;
  } | null;
  followUp?: { satisfied?: boolean | null; score?: number | null } | null;
}

type Expect<T extends true> = T;
// The server and the web pass their full case as is; this stops compiling if the two shapes drift apart.
type CaseDetailIsAWorkflowCase = Expect<CaseDetail extends WorkflowCase ? true : false>;

export interface WorkflowActor {
  id: string;
  role: Role;
}

/** forward: the next step; skip: past steps that do not apply; rejection: approval refused; reopen: customer not satisfied. */
export type MoveKind = 'forward' | 'skip' | 'rejection' | 'reopen';

export interface MoveDefinition {
  from: CaseColumn;
  to: CaseColumn;
  kind: MoveKind;
  /** Who may make the move; admin administers the board and is never among them. */
  roles: readonly Role[];
  /** Sending a case back must say why, for the people who receive it. */
  needsReason: boolean;
}

interface MoveRule extends MoveDefinition {
  missingFacts(caseState: WorkflowCase, policy: ApprovalPolicy): FactPath[];
}

const INVESTIGATION_ROLES = ['quality_investigator', 'operations', 'cs_supervisor', 'department_head'] as const satisfies readonly Role[];
const REMEDY_AGREEMENT_ROLES = ['cs_agent', 'cs_supervisor', 'legal', 'department_head'] as const satisfies readonly Role[];
const APPROVER_ROLES_FOR_REJECTION = ['cs_supervisor', 'legal', 'department_head'] as const satisfies readonly Role[];
const CORRECTIVE_ROLES = ['operations', 'quality_investigator', 'department_head'] as const satisfies readonly Role[];
const FOLLOW_UP_ROLES = ['cs_agent', 'cs_supervisor', 'department_head'] as const satisfies readonly Role[];

function isBlank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}

/** Collects the paths whose check failed, in the order given, which is the order of the case form. */
function missingWhere(checks: ReadonlyArray<readonly [FactPath, boolean]>): FactPath[] {
  return checks.filter(([, isMissing]) => isMissing).map(([path]) => path);
}

function intakeFactsMissing(c: WorkflowCase): FactPath[] {
  return missingWhere([
    ['title', isBlank(c.title)],
    ['channel', c.channel == null],
    ['category', c.category == null],
    ['severity', c.severity == null],
    ['customer.name', isBlank(c.customer?.name)],
    ['customer.phone', isBlank(c.customer?.phone)],
    ['shipment.waybill', isBlank(c.shipment?.waybill)],
    ['shipment.origin', isBlank(c.shipment?.origin)],
    ['shipment.destination', isBlank(c.shipment?.destination)],
    ['facts.description', isBlank(c.facts?.description)],
  ]);
}

function verdictIsNot(c: WorkflowCase, verdict: Verdict): boolean {
  return c.investigation?.verdict !== verdict;
}

function remedyAgreementMissing(c: WorkflowCase, policy: ApprovalPolicy): FactPath[] {
  const remedies: readonly Remedy[] = c.compensation?.remedies ?? [];
  const approvals = approvalStatus(c, policy);
  return [
    ...missingWhere([
      ['compensation.remedies', remedies.length === 0],
      ['compensation.amount', approvals.needsAmount],
      ['compensation.customerAgreed', c.compensation?.customerAgreed !== true],
      ['approvals', approvals.rejected],
    ]),
    ...approvals.missing.map((role): FactPath => `approvals.${role}`),
  ];
}

function correctiveActionMissing(c: WorkflowCase): FactPath[] {
  const action = c.correctiveAction;
  return missingWhere([
    ['correctiveAction.rootCause', isBlank(action?.rootCause)],
    ['correctiveAction.responsibleParty', isBlank(action?.responsibleParty)],
    ['correctiveAction.accountabilityMeasure', isBlank(action?.accountabilityMeasure)],
    ['correctiveAction.preventiveAction', isBlank(action?.preventiveAction)],
    ['correctiveAction.preventiveOwnerId', isBlank(action?.preventiveOwnerId)],
    ['correctiveAction.preventiveDueDate', isBlank(action?.preventiveDueDate)],
    ['correctiveAction.remedyCarriedOut', action?.remedyCarriedOut !== true],
  ]);
}

function isScore(score: number | null | undefined): boolean {
  return score != null && Number.isInteger(score) && score >= 1 && score <= 5;
}

/** Reopening is the customer's dissatisfaction on record, not an agent's second thoughts. */
function dissatisfactionMissing(c: WorkflowCase): FactPath[] {
  return missingWhere([['followUp.satisfied', c.followUp?.satisfied !== false]]);
}

const MOVE_RULES: readonly MoveRule[] = [
  {
    from: 'intake',
    to: 'investigation',
    kind: 'forward',
    roles: INTAKE_ROLES,
    needsReason: false,
    missingFacts: intakeFactsMissing,
  },
  {
    from: 'investigation',
    to: 'compensation',
    kind: 'forward',
    roles: INVESTIGATION_ROLES,
    needsReason: false,
    missingFacts: (c) => missingWhere([['investigation.verdict', verdictIsNot(c, 'substantiated')]]),
  },
  {
    from: 'investigation',
    to: 'corrective_action',
    kind: 'skip',
    roles: INVESTIGATION_ROLES,
    needsReason: false,
    missingFacts: (c) =>
      missingWhere([
        ['investigation.verdict', verdictIsNot(c, 'substantiated')],
        ['compensation', involvesMoney(c.claim) || involvesMoney(c.compensation)],
      ]),
  },
  {
    from: 'investigation',
    to: 'follow_up',
    kind: 'skip',
    roles: INVESTIGATION_ROLES,
    needsReason: false,
    missingFacts: (c) =>
      missingWhere([
        ['investigation.verdict', verdictIsNot(c, 'not_substantiated')],
        ['investigation.customerExplanation', isBlank(c.investigation?.customerExplanation)],
      ]),
  },
  {
    from: 'compensation',
    to: 'corrective_action',
    kind: 'forward',
    roles: REMEDY_AGREEMENT_ROLES,
    needsReason: false,
    missingFacts: remedyAgreementMissing,
  },
  {
    from: 'compensation',
    to: 'investigation',
    kind: 'rejection',
    roles: APPROVER_ROLES_FOR_REJECTION,
    needsReason: true,
    missingFacts: () => [],
  },
  {
    from: 'corrective_action',
    to: 'follow_up',
    kind: 'forward',
    roles: CORRECTIVE_ROLES,
    needsReason: false,
    missingFacts: correctiveActionMissing,
  },
  {
    from: 'follow_up',
    to: 'closed',
    kind: 'forward',
    roles: FOLLOW_UP_ROLES,
    needsReason: false,
    missingFacts: (c) =>
      missingWhere([
        ['followUp.satisfied', c.followUp?.satisfied !== true],
        ['followUp.score', !isScore(c.followUp?.score)],
      ]),
  },
  {
    from: 'follow_up',
    to: 'investigation',
    kind: 'reopen',
    roles: FOLLOW_UP_ROLES,
    needsReason: true,
    missingFacts: dissatisfactionMissing,
  },
  {
    from: 'follow_up',
    to: 'compensation',
    kind: 'reopen',
    roles: FOLLOW_UP_ROLES,
    needsReason: true,
    missingFacts: dissatisfactionMissing,
  },
];

function toDefinition({ from, to, kind, roles, needsReason }: MoveRule): MoveDefinition {
  return { from, to, kind, roles, needsReason };
}

/** Every legal move of the board, in flow order. */
export const MOVES: readonly MoveDefinition[] = MOVE_RULES.map(toDefinition);

function findRule(from: CaseColumn, to: CaseColumn): MoveRule | undefined {
  return MOVE_RULES.find((rule) => rule.from === from && rule.to === to);
}

export function movesFrom(column: CaseColumn): readonly MoveDefinition[] {
  return MOVES.filter((move) => move.from === column);
}

/** The roles allowed to make a move; empty when the pair is not a move at all. */
export function rolesForMove(from: CaseColumn, to: CaseColumn): readonly Role[] {
  return findRule(from, to)?.roles ?? [];
}

export type MoveError = 'NOT_A_MOVE' | 'ROLE_NOT_ALLOWED' | 'TRANSITION_REFUSED';

export type MoveEvaluation =
  | { ok: true; kind: MoveKind }
  | { ok: false; error: MoveError; missing: FactPath[] };

export interface MoveRequest {
  caseState: WorkflowCase;
  to: CaseColumn;
  actor: WorkflowActor;
  reason?: string | null;
  policy: ApprovalPolicy;
}

function judgeMove({ caseState, to, actor, reason, policy }: MoveRequest, reasonKnown: boolean): MoveEvaluation {
  const rule = findRule(caseState.column, to);
  if (!rule) return { ok: false, error: 'NOT_A_MOVE', missing: [] };
  if (!rule.roles.includes(actor.role)) return { ok: false, error: 'ROLE_NOT_ALLOWED', missing: [] };
  const missing = rule.missingFacts(caseState, policy);
  if (rule.needsReason && reasonKnown && isBlank(reason)) missing.push('reason');
  if (missing.length > 0) return { ok: false, error: 'TRANSITION_REFUSED', missing };
  return { ok: true, kind: rule.kind };
}

/**
 * The one judgement of a move, used by the server as the authority and by the web before it
 * sends. The role is checked before the facts so that someone who may not act learns nothing
 * about the case's gaps (403 before 422).
 */
export function evaluateMove(request: MoveRequest): MoveEvaluation {
  return judgeMove(request, true);
}

export type TargetVerdict =
  | { allowed: true; kind: MoveKind; needsReason: boolean }
  | { allowed: false; error: MoveError; missing: FactPath[] };

/**
 * How every column looks while a card is dragged. The reason is asked for after the drop, so
 * a move that lacks only its reason still shows as allowed, flagged `needsReason`.
 */
export function allowedTargets(
  caseState: WorkflowCase,
  actor: WorkflowActor,
  policy: ApprovalPolicy,
): Record<CaseColumn, TargetVerdict> {
  const entries = CASE_COLUMNS.map((to): [CaseColumn, TargetVerdict] => {
    const evaluation = judgeMove({ caseState, to, actor, policy }, false);
    if (!evaluation.ok) return [to, { allowed: false, error: evaluation.error, missing: evaluation.missing }];
    const needsReason = findRule(caseState.column, to)?.needsReason ?? false;
    return [to, { allowed: true, kind: evaluation.kind, needsReason }];
  });
  return Object.fromEntries(entries) as Record<CaseColumn, TargetVerdict>;
}
