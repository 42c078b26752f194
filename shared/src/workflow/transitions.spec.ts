import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../users/user.schema.js';
import { DEFAULT_APPROVAL_POLICY, type WorkflowApproval } from './approval-authority.js';
import { CASE_COLUMNS, type CaseColumn } from './columns.js';
import { FACT_LABELS, type FactPath } from './fact-labels.js';
import {
  MOVES,
  allowedTargets,
  evaluateMove,
  movesFrom,
  rolesForMove,
  type MoveKind,
  type WorkflowCase,
} from './transitions.js';

const policy = DEFAULT_APPROVAL_POLICY;
const PROPOSER = 'user-agent-proposer';

function approval(approverRole: Role, amount: number, overrides: Partial<WorkflowApproval> = {}): WorkflowApproval {
  return { approverId: `user-${approverRole}`, approverRole, decision: 'approved', amount, voidedAt: null, ...overrides };
}

/**
 * A case with every fact any move can ask for: substantiated, ¥300 compensation agreed and
 * approved by a supervisor, corrective action done, customer satisfied.
 */
function completeCase(column: CaseColumn): WorkflowCase {
  return {
    column,
    title: '易碎品破损，客户要求赔偿',
    channel: 'phone',
    category: 'damaged',
    severity: 'important',
    customer: { name: '王芳', phone: '13800138000' },
    shipment: { waybill: 'SF1234567890', origin: '上海', destination: '杭州' },
    facts: { description: '收件时外包装完好，内件陶瓷花瓶破碎。' },
    claim: { amount: 300, remedies: ['compensation'] },
    investigation: { verdict: 'substantiated', customerExplanation: null },
    compensation: { remedies: ['compensation'], amount: 300, customerAgreed: true, proposedBy: PROPOSER },
    approvals: [approval('cs_supervisor', 300)],
    correctiveAction: {
      rootCause: 'staff_operation',
      responsibleParty: '杭州西湖网点',
      accountabilityMeasure: '责任快递员罚款并重新培训',
      preventiveAction: '易碎品加贴标识并单独装车',
      preventiveOwnerId: 'user-ops-lead',
      preventiveDueDate: '2026-12-15',
      remedyCarriedOut: true,
    },
    followUp: { satisfied: true, score: 5 },
  };
}

type Section = 'customer' | 'shipment' | 'facts' | 'claim' | 'investigation' | 'compensation' | 'correctiveAction' | 'followUp';

/** Replaces fields inside one section, leaving the rest of the case as it was. */
function patch<S extends Section>(c: WorkflowCase, section: S, fields: Partial<NonNullable<WorkflowCase[S]>>): WorkflowCase {
  return { ...c, [section]: { ...c[section], ...fields } };
}

const noMoney = (c: WorkflowCase) =>
  patch(patch(c, 'claim', { amount: null, remedies: ['apology_letter'] }), 'compensation', {
    remedies: [],
    amount: null,
  });

const notSubstantiated = (c: WorkflowCase) =>
  patch(noMoney(c), 'investigation', { verdict: 'not_substantiated', customerExplanation: '签收记录显示包裹完好，已向客户说明。' });

const dissatisfied = (c: WorkflowCase) => patch(c, 'followUp', { satisfied: false, score: 2 });

interface Gap {
  lacking: string;
  change?: (c: WorkflowCase) => WorkflowCase;
  /** Replaces the scenario's reason; `null` means the mover gave none. */
  reason?: string | null;
  missing: FactPath[];
}

interface MoveScenario {
  from: CaseColumn;
  to: CaseColumn;
  kind: MoveKind;
  roles: Role[];
  ready: () => WorkflowCase;
  reason?: string;
  gaps: Gap[];
}

/** Every legal move of the board, with the facts each one checks. */
const SCENARIOS: MoveScenario[] = [
  {
    from: 'intake',
    to: 'investigation',
    kind: 'forward',
    roles: ['cs_agent', 'cs_supervisor', 'department_head'],
    ready: () => completeCase('intake'),
    gaps: [
      { lacking: 'title', change: (c) => ({ ...c, title: '' }), missing: ['title'] },
      { lacking: 'title (blank)', change: (c) => ({ ...c, title: '   ' }), missing: ['title'] },
      { lacking: 'channel', change: (c) => ({ ...c, channel: null }), missing: ['channel'] },
      { lacking: 'category', change: (c) => ({ ...c, category: undefined }), missing: ['category'] },
      { lacking: 'severity', change: (c) => ({ ...c, severity: null }), missing: ['severity'] },
      { lacking: 'customer name', change: (c) => patch(c, 'customer', { name: ' ' }), missing: ['customer.name'] },
      { lacking: 'customer phone', change: (c) => patch(c, 'customer', { phone: null }), missing: ['customer.phone'] },
      {
        lacking: 'the customer',
        change: (c) => ({ ...c, customer: null }),
        missing: ['customer.name', 'customer.phone'],
      },
      { lacking: 'waybill', change: (c) => patch(c, 'shipment', { waybill: '' }), missing: ['shipment.waybill'] },
      { lacking: 'origin', change: (c) => patch(c, 'shipment', { origin: null }), missing: ['shipment.origin'] },
      {
        lacking: 'destination',
        change: (c) => patch(c, 'shipment', { destination: undefined }),
        missing: ['shipment.destination'],
      },
      {
        lacking: 'description',
        change: (c) => patch(c, 'facts', { description: '\n' }),
        missing: ['facts.description'],
      },
      {
        lacking: 'everything',
        change: () => ({ column: 'intake' }),
        missing: [
          'title',
          'channel',
          'category',
          'severity',
          'customer.name',
          'customer.phone',
          'shipment.waybill',
          'shipment.origin',
          'shipment.destination',
          'facts.description',
        ],
      },
    ],
  },
  {
    from: 'investigation',
    to: 'compensation',
    kind: 'forward',
    roles: ['quality_investigator', 'operations', 'cs_supervisor', 'department_head'],
    ready: () => completeCase('investigation'),
    gaps: [
      {
        lacking: 'a verdict',
        change: (c) => patch(c, 'investigation', { verdict: null }),
        missing: ['investigation.verdict'],
      },
      {
        lacking: 'a substantiated verdict',
        change: (c) => patch(c, 'investigation', { verdict: 'not_substantiated' }),
        missing: ['investigation.verdict'],
      },
      { lacking: 'the investigation', change: (c) => ({ ...c, investigation: null }), missing: ['investigation.verdict'] },
    ],
  },
  {
    from: 'investigation',
    to: 'corrective_action',
    kind: 'skip',
    roles: ['quality_investigator', 'operations', 'cs_supervisor', 'department_head'],
    ready: () => noMoney(completeCase('investigation')),
    gaps: [
      {
        lacking: 'a verdict',
        change: (c) => patch(c, 'investigation', { verdict: null }),
        missing: ['investigation.verdict'],
      },
      {
        lacking: 'a substantiated verdict',
        change: (c) => patch(c, 'investigation', { verdict: 'not_substantiated' }),
        missing: ['investigation.verdict'],
      },
      {
        lacking: 'a claim without compensation',
        change: (c) => patch(c, 'claim', { remedies: ['compensation'] }),
        missing: ['compensation'],
      },
      {
        lacking: 'a claim without freight refund',
        change: (c) => patch(c, 'claim', { remedies: ['reship', 'freight_refund'] }),
        missing: ['compensation'],
      },
      {
        lacking: 'a claim without an amount',
        change: (c) => patch(c, 'claim', { amount: 80 }),
        missing: ['compensation'],
      },
      {
        lacking: 'a remedy without compensation',
        change: (c) => patch(c, 'compensation', { remedies: ['compensation'] }),
        missing: ['compensation'],
      },
      {
        lacking: 'a remedy without freight refund',
        change: (c) => patch(c, 'compensation', { remedies: ['freight_refund'] }),
        missing: ['compensation'],
      },
      {
        lacking: 'a remedy without an amount',
        change: (c) => patch(c, 'compensation', { remedies: ['voucher'], amount: 50 }),
        missing: ['compensation'],
      },
      {
        lacking: 'both a verdict and freedom from money',
        change: (c) => patch(patch(c, 'investigation', { verdict: null }), 'claim', { amount: 10 }),
        missing: ['investigation.verdict', 'compensation'],
      },
    ],
  },
  {
    from: 'investigation',
    to: 'follow_up',
    kind: 'skip',
    roles: ['quality_investigator', 'operations', 'cs_supervisor', 'department_head'],
    ready: () => notSubstantiated(completeCase('investigation')),
    gaps: [
      {
        lacking: 'a verdict',
        change: (c) => patch(c, 'investigation', { verdict: null }),
        missing: ['investigation.verdict'],
      },
      {
        lacking: 'a not-substantiated verdict',
        change: (c) => patch(c, 'investigation', { verdict: 'substantiated' }),
        missing: ['investigation.verdict'],
      },
      {
        lacking: 'an explanation to the customer',
        change: (c) => patch(c, 'investigation', { customerExplanation: null }),
        missing: ['investigation.customerExplanation'],
      },
      {
        lacking: 'a non-blank explanation',
        change: (c) => patch(c, 'investigation', { customerExplanation: '  ' }),
        missing: ['investigation.customerExplanation'],
      },
      {
        lacking: 'the investigation',
        change: (c) => ({ ...c, investigation: undefined }),
        missing: ['investigation.verdict', 'investigation.customerExplanation'],
      },
    ],
  },
  {
    from: 'compensation',
    to: 'corrective_action',
    kind: 'forward',
    roles: ['cs_agent', 'cs_supervisor', 'legal', 'department_head'],
    ready: () => completeCase('compensation'),
    gaps: [
      {
        lacking: 'a remedy',
        change: (c) => patch(c, 'compensation', { remedies: [] }),
        missing: ['compensation.remedies'],
      },
      {
        lacking: 'an amount for a money remedy',
        change: (c) => ({ ...patch(c, 'compensation', { amount: null }), approvals: [] }),
        missing: ['compensation.amount'],
      },
      {
        lacking: 'an amount for a freight refund',
        change: (c) => ({ ...patch(c, 'compensation', { remedies: ['freight_refund'], amount: undefined }), approvals: [] }),
        missing: ['compensation.amount'],
      },
      {
        lacking: "the customer's agreement",
        change: (c) => patch(c, 'compensation', { customerAgreed: null }),
        missing: ['compensation.customerAgreed'],
      },
      {
        lacking: "the customer's agreement (refused)",
        change: (c) => patch(c, 'compensation', { customerAgreed: false }),
        missing: ['compensation.customerAgreed'],
      },
      { lacking: 'any approval', change: (c) => ({ ...c, approvals: [] }), missing: ['approvals.cs_supervisor'] },
      {
        lacking: 'a live approval (voided)',
        change: (c) => ({ ...c, approvals: [approval('cs_supervisor', 300, { voidedAt: '2026-11-23T09:00:00Z' })] }),
        missing: ['approvals.cs_supervisor'],
      },
      {
        lacking: 'an approval of this amount',
        change: (c) => ({ ...c, approvals: [approval('cs_supervisor', 250)] }),
        missing: ['approvals.cs_supervisor'],
      },
      {
        lacking: 'an approval by someone other than the proposer',
        change: (c) => ({ ...c, approvals: [approval('cs_supervisor', 300, { approverId: PROPOSER })] }),
        missing: ['approvals.cs_supervisor'],
      },
      {
        lacking: 'authority for ¥500.01',
        change: (c) => ({ ...patch(c, 'compensation', { amount: 500.01 }), approvals: [approval('cs_supervisor', 500.01)] }),
        missing: ['approvals.department_head'],
      },
      {
        lacking: 'legal review above ¥5,000',
        change: (c) => ({
          ...patch(c, 'compensation', { amount: 5000.01 }),
          approvals: [approval('department_head', 5000.01)],
        }),
        missing: ['approvals.legal'],
      },
      {
        lacking: 'both approvals above ¥5,000',
        change: (c) => ({ ...patch(c, 'compensation', { amount: 12_000 }), approvals: [] }),
        missing: ['approvals.legal', 'approvals.department_head'],
      },
      {
        lacking: 'freedom from a standing rejection',
        change: (c) => ({
          ...c,
          approvals: [approval('department_head', 300, { decision: 'rejected' }), approval('cs_supervisor', 300)],
        }),
        missing: ['approvals'],
      },
      {
        lacking: 'everything',
        change: (c) => ({ ...c, compensation: null, approvals: null }),
        missing: ['compensation.remedies', 'compensation.customerAgreed'],
      },
    ],
  },
  {
    from: 'compensation',
    to: 'investigation',
    kind: 'rejection',
    roles: ['cs_supervisor', 'legal', 'department_head'],
    ready: () => completeCase('compensation'),
    reason: '赔偿金额超出货物申报价值，请重新核实',
    gaps: [
      { lacking: 'a reason', reason: null, missing: ['reason'] },
      { lacking: 'a non-empty reason', reason: '', missing: ['reason'] },
      { lacking: 'a non-blank reason', reason: '   ', missing: ['reason'] },
    ],
  },
  {
    from: 'corrective_action',
    to: 'follow_up',
    kind: 'forward',
    roles: ['operations', 'quality_investigator', 'department_head'],
    ready: () => completeCase('corrective_action'),
    gaps: [
      {
        lacking: 'a root cause',
        change: (c) => patch(c, 'correctiveAction', { rootCause: null }),
        missing: ['correctiveAction.rootCause'],
      },
      {
        lacking: 'a responsible party',
        change: (c) => patch(c, 'correctiveAction', { responsibleParty: ' ' }),
        missing: ['correctiveAction.responsibleParty'],
      },
      {
        lacking: 'an accountability measure',
        change: (c) => patch(c, 'correctiveAction', { accountabilityMeasure: undefined }),
        missing: ['correctiveAction.accountabilityMeasure'],
      },
      {
        lacking: 'a preventive action',
        change: (c) => patch(c, 'correctiveAction', { preventiveAction: '' }),
        missing: ['correctiveAction.preventiveAction'],
      },
      {
        lacking: 'a preventive owner',
        change: (c) => patch(c, 'correctiveAction', { preventiveOwnerId: null }),
        missing: ['correctiveAction.preventiveOwnerId'],
      },
      {
        lacking: 'a preventive due date',
        change: (c) => patch(c, 'correctiveAction', { preventiveDueDate: null }),
        missing: ['correctiveAction.preventiveDueDate'],
      },
      {
        lacking: 'the remedy carried out',
        change: (c) => patch(c, 'correctiveAction', { remedyCarriedOut: false }),
        missing: ['correctiveAction.remedyCarriedOut'],
      },
      {
        lacking: 'the remedy carried out (unrecorded)',
        change: (c) => patch(c, 'correctiveAction', { remedyCarriedOut: null }),
        missing: ['correctiveAction.remedyCarriedOut'],
      },
      {
        lacking: 'everything',
        change: (c) => ({ ...c, correctiveAction: null }),
        missing: [
          'correctiveAction.rootCause',
          'correctiveAction.responsibleParty',
          'correctiveAction.accountabilityMeasure',
          'correctiveAction.preventiveAction',
          'correctiveAction.preventiveOwnerId',
          'correctiveAction.preventiveDueDate',
          'correctiveAction.remedyCarriedOut',
        ],
      },
    ],
  },
  {
    from: 'follow_up',
    to: 'closed',
    kind: 'forward',
    roles: ['cs_agent', 'cs_supervisor', 'department_head'],
    ready: () => completeCase('follow_up'),
    gaps: [
      {
        lacking: 'satisfaction',
        change: (c) => patch(c, 'followUp', { satisfied: null }),
        missing: ['followUp.satisfied'],
      },
      {
        lacking: 'a satisfied customer',
        change: (c) => patch(c, 'followUp', { satisfied: false }),
        missing: ['followUp.satisfied'],
      },
      { lacking: 'a score', change: (c) => patch(c, 'followUp', { score: null }), missing: ['followUp.score'] },
      { lacking: 'a score of at least 1', change: (c) => patch(c, 'followUp', { score: 0 }), missing: ['followUp.score'] },
      { lacking: 'a score of at most 5', change: (c) => patch(c, 'followUp', { score: 6 }), missing: ['followUp.score'] },
      { lacking: 'a whole score', change: (c) => patch(c, 'followUp', { score: 3.5 }), missing: ['followUp.score'] },
      {
        lacking: 'the follow-up call',
        change: (c) => ({ ...c, followUp: null }),
        missing: ['followUp.satisfied', 'followUp.score'],
      },
    ],
  },
  {
    from: 'follow_up',
    to: 'investigation',
    kind: 'reopen',
    roles: ['cs_agent', 'cs_supervisor', 'department_head'],
    ready: () => dissatisfied(completeCase('follow_up')),
    reason: '客户不认可调查结论，提供了新的签收照片',
    gaps: [
      {
        lacking: 'recorded dissatisfaction',
        change: (c) => patch(c, 'followUp', { satisfied: null }),
        missing: ['followUp.satisfied'],
      },
      {
        lacking: 'a dissatisfied customer',
        change: (c) => patch(c, 'followUp', { satisfied: true }),
        missing: ['followUp.satisfied'],
      },
      { lacking: 'a reason', reason: null, missing: ['reason'] },
      { lacking: 'a non-blank reason', reason: ' ', missing: ['reason'] },
      {
        lacking: 'both',
        change: (c) => ({ ...c, followUp: undefined }),
        reason: null,
        missing: ['followUp.satisfied', 'reason'],
      },
    ],
  },
  {
    from: 'follow_up',
    to: 'compensation',
    kind: 'reopen',
    roles: ['cs_agent', 'cs_supervisor', 'department_head'],
    ready: () => dissatisfied(completeCase('follow_up')),
    reason: '客户认为赔偿金额不足',
    gaps: [
      {
        lacking: 'recorded dissatisfaction',
        change: (c) => patch(c, 'followUp', { satisfied: null }),
        missing: ['followUp.satisfied'],
      },
      {
        lacking: 'a dissatisfied customer',
        change: (c) => patch(c, 'followUp', { satisfied: true }),
        missing: ['followUp.satisfied'],
      },
      { lacking: 'a reason', reason: null, missing: ['reason'] },
      {
        lacking: 'both',
        change: (c) => ({ ...c, followUp: null }),
        reason: '',
        missing: ['followUp.satisfied', 'reason'],
      },
    ],
  },
];

const actorWith = (role: Role) => ({ id: `user-${role}-mover`, role });
const label = (s: MoveScenario) => `${s.from} → ${s.to}`;

describe('evaluateMove', () => {
  describe('allows each move with its facts complete, for each role that owns it', () => {
    const rows = SCENARIOS.flatMap((scenario) => scenario.roles.map((role) => ({ move: label(scenario), role, scenario })));

    it.each(rows)('$move by $role', ({ scenario, role }) => {
      const result = evaluateMove({
        caseState: scenario.ready(),
        to: scenario.to,
        actor: actorWith(role),
        reason: scenario.reason,
        policy,
      });
      expect(result).toEqual({ ok: true, kind: scenario.kind });
    });
  });

  describe('refuses a move with exactly the facts it lacks', () => {
    const rows = SCENARIOS.flatMap((scenario) =>
      scenario.gaps.map((gap) => ({ move: label(scenario), lacking: gap.lacking, scenario, gap })),
    );

    it.each(rows)('$move lacking $lacking', ({ scenario, gap }) => {
      const caseState = (gap.change ?? ((c: WorkflowCase) => c))(scenario.ready());
      const reason = 'reason' in gap ? gap.reason : scenario.reason;
      const result = evaluateMove({ caseState, to: scenario.to, actor: actorWith('department_head'), reason, policy });
      expect(result).toEqual({ ok: false, error: 'TRANSITION_REFUSED', missing: gap.missing });
    });
  });

  describe('refuses each role that does not own the move, before looking at the facts', () => {
    const rows = SCENARIOS.flatMap((scenario) =>
      ROLES.filter((role) => !scenario.roles.includes(role)).map((role) => ({ move: label(scenario), role, scenario })),
    );

    it.each(rows)('$move by $role', ({ scenario, role }) => {
      for (const caseState of [scenario.ready(), { column: scenario.from }]) {
        const result = evaluateMove({ caseState, to: scenario.to, actor: actorWith(role), reason: scenario.reason, policy });
        expect(result).toEqual({ ok: false, error: 'ROLE_NOT_ALLOWED', missing: [] });
      }
    });
  });

  describe('refuses every pair of columns that is not a move', () => {
    const isListed = (from: CaseColumn, to: CaseColumn) => SCENARIOS.some((s) => s.from === from && s.to === to);
    const rows = CASE_COLUMNS.flatMap((from) =>
      CASE_COLUMNS.filter((to) => !isListed(from, to)).map((to) => ({ from, to })),
    );

    it('there are 26 such pairs, including every column to itself and everything out of closed', () => {
      expect(rows).toHaveLength(CASE_COLUMNS.length ** 2 - SCENARIOS.length);
      expect(rows).toEqual(expect.arrayContaining(CASE_COLUMNS.map((column) => ({ from: column, to: column }))));
      expect(rows.filter((row) => row.from === 'closed')).toHaveLength(CASE_COLUMNS.length);
    });

    it.each(rows)('$from → $to', ({ from, to }) => {
      for (const role of ROLES) {
        const result = evaluateMove({ caseState: completeCase(from), to, actor: actorWith(role), reason: 'because', policy });
        expect(result).toEqual({ ok: false, error: 'NOT_A_MOVE', missing: [] });
      }
    });
  });

  it('lets a not-substantiated case close without any corrective action', () => {
    const caseState = { ...notSubstantiated(completeCase('follow_up')), correctiveAction: null, approvals: [] };
    expect(evaluateMove({ caseState, to: 'closed', actor: actorWith('cs_agent'), policy })).toEqual({
      ok: true,
      kind: 'forward',
    });
  });

  it('lets a case with amount 0 leave compensation without approvals', () => {
    const caseState = { ...patch(completeCase('compensation'), 'compensation', { amount: 0 }), approvals: [] };
    expect(evaluateMove({ caseState, to: 'corrective_action', actor: actorWith('cs_agent'), policy }).ok).toBe(true);
  });

  it('lets a non-money remedy leave compensation without approvals', () => {
    const caseState = {
      ...patch(completeCase('compensation'), 'compensation', { remedies: ['reship', 'apology_letter'], amount: null }),
      approvals: [],
    };
    expect(evaluateMove({ caseState, to: 'corrective_action', actor: actorWith('cs_agent'), policy }).ok).toBe(true);
  });

  it('counts a department head approval for a supervisor-tier amount', () => {
    const caseState = { ...completeCase('compensation'), approvals: [approval('department_head', 300)] };
    expect(evaluateMove({ caseState, to: 'corrective_action', actor: actorWith('cs_agent'), policy }).ok).toBe(true);
  });

  it('follows an edited policy', () => {
    const strict = { tiers: [{ upTo: null, approvers: ['legal' as const] }], seniority: [] };
    const result = evaluateMove({ caseState: completeCase('compensation'), to: 'corrective_action', actor: actorWith('cs_agent'), policy: strict });
    expect(result).toEqual({ ok: false, error: 'TRANSITION_REFUSED', missing: ['approvals.legal'] });
  });

  it('names only facts that have a label in both languages', () => {
    const named = SCENARIOS.flatMap((scenario) => scenario.gaps.flatMap((gap) => gap.missing));
    for (const path of named) expect(FACT_LABELS[path]).toBeDefined();
  });
});

describe('the move table', () => {
  it('holds exactly the moves of the board', () => {
    expect(MOVES.map(({ from, to, kind }) => ({ from, to, kind }))).toEqual(
      SCENARIOS.map(({ from, to, kind }) => ({ from, to, kind })),
    );
  });

  it('asks for a reason exactly when a case is sent back', () => {
    for (const move of MOVES) expect(move.needsReason).toBe(move.kind === 'rejection' || move.kind === 'reopen');
  });

  it.each(SCENARIOS)('rolesForMove($from, $to) is the authorisation matrix row', (scenario) => {
    expect([...rolesForMove(scenario.from, scenario.to)].sort()).toEqual([...scenario.roles].sort());
  });

  it('gives the department head every move and the admin none', () => {
    for (const move of MOVES) {
      expect(move.roles).toContain('department_head');
      expect(move.roles).not.toContain('admin');
    }
  });

  it('gives no roles to a pair that is not a move', () => {
    expect(rolesForMove('closed', 'follow_up')).toEqual([]);
    expect(rolesForMove('intake', 'intake')).toEqual([]);
    expect(rolesForMove('intake', 'compensation')).toEqual([]);
  });

  it.each([
    ['intake', ['investigation']],
    ['investigation', ['compensation', 'corrective_action', 'follow_up']],
    ['compensation', ['corrective_action', 'investigation']],
    ['corrective_action', ['follow_up']],
    ['follow_up', ['closed', 'investigation', 'compensation']],
    ['closed', []],
  ] as const)('movesFrom(%s) leads to %j', (column, targets) => {
    expect(movesFrom(column).map((move) => move.to)).toEqual(targets);
  });
});

describe('allowedTargets', () => {
  it('marks every column for a card being dragged', () => {
    const targets = allowedTargets(completeCase('investigation'), actorWith('quality_investigator'), policy);
    expect(Object.keys(targets)).toEqual([...CASE_COLUMNS]);
    expect(targets).toEqual({
      intake: { allowed: false, error: 'NOT_A_MOVE', missing: [] },
      investigation: { allowed: false, error: 'NOT_A_MOVE', missing: [] },
      compensation: { allowed: true, kind: 'forward', needsReason: false },
      corrective_action: { allowed: false, error: 'TRANSITION_REFUSED', missing: ['compensation'] },
      follow_up: {
        allowed: false,
        error: 'TRANSITION_REFUSED',
        missing: ['investigation.verdict', 'investigation.customerExplanation'],
      },
      closed: { allowed: false, error: 'NOT_A_MOVE', missing: [] },
    });
  });

  it('shows a reopen as allowed before the reason is asked for', () => {
    const targets = allowedTargets(dissatisfied(completeCase('follow_up')), actorWith('cs_agent'), policy);
    expect(targets.investigation).toEqual({ allowed: true, kind: 'reopen', needsReason: true });
    expect(targets.compensation).toEqual({ allowed: true, kind: 'reopen', needsReason: true });
    expect(targets.closed).toEqual({ allowed: false, error: 'TRANSITION_REFUSED', missing: ['followUp.satisfied'] });
  });

  it('shows a rejection as allowed to an approver, flagged as needing a reason', () => {
    const targets = allowedTargets(completeCase('compensation'), actorWith('legal'), policy);
    expect(targets.investigation).toEqual({ allowed: true, kind: 'rejection', needsReason: true });
    expect(targets.corrective_action).toEqual({ allowed: true, kind: 'forward', needsReason: false });
  });

  it('refuses everything to the admin', () => {
    const targets = allowedTargets(completeCase('follow_up'), actorWith('admin'), policy);
    expect(Object.values(targets).every((target) => !target.allowed)).toBe(true);
    expect(targets.closed).toEqual({ allowed: false, error: 'ROLE_NOT_ALLOWED', missing: [] });
  });

  it('accepts a bare card and reports all facts as missing', () => {
    const targets = allowedTargets({ column: 'corrective_action' }, actorWith('operations'), policy);
    expect(targets.follow_up).toMatchObject({ allowed: false, error: 'TRANSITION_REFUSED' });
    expect((targets.follow_up as { missing: FactPath[] }).missing).toHaveLength(7);
  });
});
