import {
  approvalStatus,
  requiredApprovers,
  type ApprovalPolicy,
  type ApproverRole,
  type CaseColumn,
  type Compensation,
  type CorrectiveAction,
  type Department,
  type FollowUp,
  type Investigation,
  type MoveKind,
  type Remedy,
  type Role,
} from '@app/shared';
import { beijingHour, beijingMidnight, hours, isoDate } from './calendar.js';
import type { Random } from './random.js';
import { dissatisfaction, followUpComment, type Cause, type Rebuttal } from './stories.js';

export interface StaffMember {
  id: string;
  role: Role;
  department: Department;
}

/** The users the timeline names, by role; there is at least one in every role that acts on cases. */
export class Staff {
  private readonly byRole = new Map<Role, StaffMember[]>();

  constructor(users: readonly StaffMember[]) {
    for (const user of users) this.byRole.set(user.role, [...(this.byRole.get(user.role) ?? []), user]);
  }

  pick(random: Random, role: Role): StaffMember {
    return random.pick(this.byRole.get(role) ?? []);
  }
}

/** How a case will go, decided up front; the simulation then plays it until it reaches now. */
export interface CasePlan {
  id: string;
  createdAt: number;
  /** Multiplies every waiting time: serious cases are handled faster. */
  pace: number;
  intakeAgent: StaffMember;
  investigator: StaffMember;
  /** Proposes the remedy and makes the follow-up call. */
  csAgent: StaffMember;
  fixer: StaffMember;
  preventiveOwner: StaffMember;
  watchers: StaffMember[];
  upheld: boolean;
  cause: Cause;
  rebuttal: Rebuttal;
  /** What is agreed with the customer; null when nothing is owed and the compensation step is skipped. */
  offer: { remedies: Remedy[]; amount: number | null } | null;
  /** The first approver turns the amount down and the agent renegotiates. */
  rejectedOnce: boolean;
  reopen: 'investigation' | 'compensation' | null;
  /** The column the case gets stuck in, for whatever reason a real case does. */
  stall: CaseColumn | null;
  /** Stuck in compensation: how many approvals arrive before it stalls. */
  approvalsBeforeStall: number;
  /** Stuck in compensation: the customer has not agreed yet. */
  awaitingCustomer: boolean;
}

export interface SeedEvent {
  caseId: string;
  type: 'case.created' | 'case.updated' | 'case.moved' | 'approval.decided';
  actorId: string;
  at: number;
  data: Record<string, unknown>;
}

export interface SeedApproval {
  id: string;
  caseId: string;
  approverId: string;
  approverRole: Role;
  decision: 'approved' | 'rejected';
  amount: number;
  reason: string | null;
  decidedAt: number;
  voidedAt: number | null;
}

export interface CaseState {
  column: CaseColumn;
  investigation: Investigation;
  compensation: Compensation;
  proposedBy: string | null;
  correctiveAction: CorrectiveAction;
  followUp: FollowUp;
  ownerId: string;
  owningDepartment: Department;
  watcherIds: string[];
  reopenCount: number;
  version: number;
  updatedAt: number;
  columnEnteredAt: number;
}

export interface CaseOutcome {
  state: CaseState;
  events: SeedEvent[];
  approvals: SeedApproval[];
}

const SECTIONS = ['investigation', 'compensation', 'correctiveAction', 'followUp'] as const;

interface Patch {
  investigation?: Investigation;
  compensation?: Compensation;
  correctiveAction?: CorrectiveAction;
  followUp?: FollowUp;
  owner?: StaffMember;
  watcherIds?: string[];
}

const OPENING_HOUR = 8;
const CLOSING_HOUR = 22;

/** Stops the play at now: whatever has not happened by then is the case's present. */
class Halt extends Error {}

class CaseRun {
  readonly events: SeedEvent[] = [];
  readonly approvals: SeedApproval[] = [];
  readonly state: CaseState;
  private at: number;

  constructor(
    private readonly plan: CasePlan,
    private readonly now: number,
    readonly random: Random,
    readonly policy: ApprovalPolicy,
  ) {
    this.at = plan.createdAt;
    this.state = {
      column: 'intake',
      investigation: {},
      compensation: { remedies: [] },
      proposedBy: null,
      correctiveAction: {},
      followUp: {},
      ownerId: plan.intakeAgent.id,
      owningDepartment: plan.intakeAgent.department,
      watcherIds: plan.watchers.map((watcher) => watcher.id),
      reopenCount: 0,
      version: 1,
      updatedAt: plan.createdAt,
      columnEnteredAt: plan.createdAt,
    };
  }

  /**
   * Lets `medianHours` pass (times the case's pace) and lands within office hours unless the
   * work goes on `roundTheClock`: the hotline answers and records complaints at night, but
   * nobody investigates or approves until morning.
   */
  wait(medianHours: number, roundTheClock = false): void {
    let next = this.at + hours(Math.max(0.03, this.random.logNormal(medianHours * this.plan.pace, 0.6)));
    const hour = beijingHour(next);
    if (!roundTheClock && (hour < OPENING_HOUR || hour >= CLOSING_HOUR)) {
      const morning = beijingMidnight(next) + hours(OPENING_HOUR) + (hour >= CLOSING_HOUR ? hours(24) : 0);
      next = morning + hours(this.random.between(0, 1.5));
    }
    if (next > this.now) throw new Halt();
    this.at = next;
  }

  /** A moment later, for the next click of the same person. */
  pause(): void {
    const next = this.at + hours(this.random.between(0.02, 0.2));
    if (next > this.now) throw new Halt();
    this.at = next;
  }

  private record(type: SeedEvent['type'], actor: StaffMember, data: Record<string, unknown>): void {
    this.events.push({ caseId: this.plan.id, type, actorId: actor.id, at: this.at, data });
    this.state.updatedAt = this.at;
  }

  created(data: Record<string, unknown>): void {
    this.record('case.created', this.plan.intakeAgent, data);
  }

  /** An edit as the cases service records it: field by field, with before and after. */
  update(actor: StaffMember, patch: Patch): void {
    const changes: { field: string; before: unknown; after: unknown }[] = [];
    const note = (field: string, before: unknown, after: unknown) => {
      if (JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)) changes.push({ field, before: before ?? null, after: after ?? null });
    };
    for (const section of SECTIONS) {
      const edits = patch[section];
      if (!edits) continue;
      const current = this.state[section] as Record<string, unknown>;
      for (const [key, value] of Object.entries(edits)) note(`${section}.${key}`, current[key], value);
      (this.state[section] as Record<string, unknown>) = { ...current, ...edits };
    }
    if (patch.owner) {
      note('ownerId', this.state.ownerId, patch.owner.id);
      note('owningDepartment', this.state.owningDepartment, patch.owner.department);
      this.state.ownerId = patch.owner.id;
      this.state.owningDepartment = patch.owner.department;
    }
    if (patch.watcherIds) {
      note('watcherIds', this.state.watcherIds, patch.watcherIds);
      this.state.watcherIds = patch.watcherIds;
    }
    if (changes.length === 0) return;
    let voidedApprovals = 0;
    if (patch.compensation) {
      // Four eyes: whoever sets the amount proposes it, and earlier decisions no longer count.
      this.state.proposedBy = actor.id;
      voidedApprovals = this.voidApprovals();
    }
    this.state.version += 1;
    this.record('case.updated', actor, { changes, version: this.state.version, ...(voidedApprovals ? { voidedApprovals } : {}) });
  }

  move(actor: StaffMember, to: CaseColumn, kind: MoveKind, reason?: string): void {
    const from = this.state.column;
    if (kind === 'reopen') {
      this.state.reopenCount += 1;
      this.state.followUp = {};
      if (to === 'compensation') this.voidApprovals();
    }
    this.state.column = to;
    this.state.columnEnteredAt = this.at;
    this.state.version += 1;
    this.record('case.moved', actor, { from, to, kind, version: this.state.version, ...(reason ? { reason } : {}) });
  }

  decide(actor: StaffMember, decision: 'approved' | 'rejected', reason?: string): void {
    const amount = this.state.compensation.amount ?? 0;
    const approval: SeedApproval = {
      id: this.random.uuid(),
      caseId: this.plan.id,
      approverId: actor.id,
      approverRole: actor.role,
      decision,
      amount,
      reason: reason ?? null,
      decidedAt: this.at,
      voidedAt: null,
    };
    this.approvals.push(approval);
    this.state.version += 1;
    const status = approvalStatus(
      {
        compensation: { ...this.state.compensation, proposedBy: this.state.proposedBy },
        approvals: this.approvals.map((a) => ({ ...a, voidedAt: a.voidedAt === null ? null : new Date(a.voidedAt).toISOString() })),
      },
      this.policy,
    );
    this.record('approval.decided', actor, {
      approvalId: approval.id,
      decision,
      amount,
      role: actor.role,
      version: this.state.version,
      complete: status.complete,
      missing: status.missing,
      ...(reason ? { reason } : {}),
    });
  }

  private voidApprovals(): number {
    const standing = this.approvals.filter((approval) => approval.voidedAt === null);
    for (const approval of standing) approval.voidedAt = this.at;
    return standing.length;
  }

  time(): number {
    return this.at;
  }
}

/** Plays a case from intake until it closes or until now, whichever comes first. */
export function playCase(
  plan: CasePlan,
  createdData: Record<string, unknown>,
  now: number,
  random: Random,
  staff: Staff,
  policy: ApprovalPolicy,
): CaseOutcome {
  const run = new CaseRun(plan, now, random, policy);
  run.created(createdData);
  try {
    while (run.state.column !== 'closed') {
      if (run.state.column === plan.stall && run.state.reopenCount === 0) {
        stallIn(run, plan, staff);
        break;
      }
      STEPS[run.state.column](run, plan, staff, random);
    }
  } catch (error) {
    if (!(error instanceof Halt)) throw error;
  }
  return { state: run.state, events: run.events, approvals: run.approvals };
}

type Step = (run: CaseRun, plan: CasePlan, staff: Staff, random: Random) => void;

const STEPS: Record<Exclude<CaseColumn, 'closed'>, Step> = {
  intake(run, plan) {
    run.wait(0.8, true);
    run.update(plan.intakeAgent, { owner: plan.investigator });
    run.pause();
    run.move(plan.intakeAgent, 'investigation', 'forward');
  },

  investigation(run, plan) {
    run.wait(run.state.reopenCount > 0 ? 3 : 5);
    const next = afterInvestigation(plan);
    const investigation: Investigation = plan.upheld
      ? { verdict: 'substantiated', findings: plan.cause.findings }
      : run.state.reopenCount > 0
        ? { findings: `${plan.rebuttal.findings}复核客户补充材料后维持原结论。`, customerExplanation: `复核后再次向客户说明：${plan.rebuttal.customerExplanation}` }
        : { verdict: 'not_substantiated', findings: plan.rebuttal.findings, customerExplanation: plan.rebuttal.customerExplanation };
    run.update(plan.investigator, { investigation, owner: next === 'corrective_action' ? plan.fixer : plan.csAgent });
    run.pause();
    run.move(plan.investigator, next, next === 'compensation' ? 'forward' : 'skip');
  },

  compensation(run, plan, staff, random) {
    const offer = plan.offer ?? { remedies: ['apology_letter'], amount: null };
    run.wait(2);
    const amount =
      run.state.reopenCount > 0 && offer.amount !== null ? Math.round((offer.amount * random.between(1.15, 1.4)) / 10) * 10 : offer.amount;
    propose(run, plan, staff, { remedies: offer.remedies, amount, customerAgreed: true });
    if (plan.rejectedOnce && run.state.reopenCount === 0 && amount !== null) {
      const [first] = requiredApprovers(amount, run.policy);
      run.wait(2);
      run.decide(approver(staff, first, run), 'rejected', '金额高于同类案件赔付标准，请与客户重新协商');
      run.wait(4);
      run.update(plan.csAgent, { compensation: { amount: Math.round((amount * random.between(0.6, 0.85)) / 10) * 10 } });
    }
    approveAll(run, staff, Infinity);
    run.wait(0.4);
    run.update(plan.csAgent, { owner: plan.fixer });
    run.pause();
    run.move(plan.csAgent, 'corrective_action', 'forward');
  },

  corrective_action(run, plan, _staff, random) {
    if (run.state.correctiveAction.remedyCarriedOut) {
      // Back after a reopen: the cause was dealt with the first time; only the new remedy is carried out.
      run.wait(4);
      run.update(plan.fixer, { owner: plan.csAgent });
    } else {
      run.wait(6);
      run.update(plan.fixer, {
        correctiveAction: {
          rootCause: plan.cause.rootCause,
          responsibleParty: plan.cause.responsibleParty,
          accountabilityMeasure: plan.cause.accountabilityMeasure,
          preventiveAction: plan.cause.preventiveAction,
          preventiveOwnerId: plan.preventiveOwner.id,
          preventiveDueDate: isoDate(run.time() + hours(24 * random.int(7, 30))),
          remedyCarriedOut: true,
        },
        owner: plan.csAgent,
      });
    }
    run.pause();
    run.move(plan.fixer, 'follow_up', 'forward');
  },

  follow_up(run, plan, _staff, random) {
    run.wait(3);
    if (plan.reopen && run.state.reopenCount === 0) {
      const reason = dissatisfaction(random, plan.upheld);
      run.update(plan.csAgent, { followUp: { satisfied: false, score: random.int(1, 2), comment: reason } });
      run.pause();
      run.move(plan.csAgent, plan.reopen, 'reopen', reason);
      run.pause();
      run.update(plan.csAgent, { owner: plan.reopen === 'investigation' ? plan.investigator : plan.csAgent });
      return;
    }
    const score = plan.upheld
      ? random.weighted([[5, 45], [4, 38], [3, 15], [2, 2]] as const)
      : random.weighted([[4, 30], [3, 50], [2, 20]] as const);
    run.update(plan.csAgent, { followUp: { satisfied: true, score, comment: followUpComment(random, score, plan.upheld) } });
    run.pause();
    run.move(plan.csAgent, 'closed', 'forward');
  },
};

function afterInvestigation(plan: CasePlan): CaseColumn {
  if (!plan.upheld) return 'follow_up';
  return plan.offer ? 'compensation' : 'corrective_action';
}

function propose(run: CaseRun, plan: CasePlan, staff: Staff, compensation: Compensation): void {
  const bigMoney = (compensation.amount ?? 0) > 5000;
  // Legal follows every claim above the department head's authority from the moment it is proposed.
  const legal = bigMoney ? staff.pick(run.random, 'legal') : null;
  const watcherIds = legal && !run.state.watcherIds.includes(legal.id) ? [...run.state.watcherIds, legal.id] : undefined;
  run.update(plan.csAgent, { compensation, ...(watcherIds ? { watcherIds } : {}) });
}

/** The approvals the amount needs, in tier order (legal reviews before the head signs), up to `limit` of them. */
function approveAll(run: CaseRun, staff: Staff, limit: number): void {
  const amount = run.state.compensation.amount;
  if (amount == null || amount <= 0) return;
  const roles = requiredApprovers(amount, run.policy);
  roles.slice(0, limit).forEach((role) => {
    run.wait(role === 'legal' ? 4 : 1.5);
    run.decide(approver(staff, role, run), 'approved');
  });
}

/** Someone holding the role who did not propose the amount and has not decided on it yet. */
function approver(staff: Staff, role: ApproverRole, run: CaseRun): StaffMember {
  const proposer = run.state.proposedBy;
  const decided = new Set(run.approvals.filter((a) => a.voidedAt === null).map((a) => a.approverId));
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = staff.pick(run.random, role);
    if (candidate.id !== proposer && !decided.has(candidate.id)) return candidate;
  }
  // The only holder of the role proposed the amount: a more senior colleague stands in.
  return staff.pick(run.random, 'department_head');
}

function stallIn(run: CaseRun, plan: CasePlan, staff: Staff): void {
  if (run.state.column !== 'compensation') return;
  const offer = plan.offer ?? { remedies: ['apology_letter'], amount: null };
  run.wait(2);
  propose(run, plan, staff, { remedies: offer.remedies, amount: offer.amount, customerAgreed: plan.awaitingCustomer ? null : true });
  approveAll(run, staff, plan.approvalsBeforeStall);
}
