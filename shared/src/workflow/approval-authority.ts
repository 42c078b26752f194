import { z } from 'zod';
import { MAX_AMOUNT, type Remedy } from '../cases/case.schema.js';
import { STAFF_ROLES, type Role } from '../users/user.schema.js';

/** Admin administers the board and takes no part in cases, so it can never be an approver. */
/** Any staff role may be named in an authority tier. */
export const APPROVER_ROLES = STAFF_ROLES;
export type ApproverRole = (typeof APPROVER_ROLES)[number];
export const approverRoleSchema = z.enum(APPROVER_ROLES);

/** The remedies that pay the customer; any of them puts the case under approval authority. */
export const MONEY_REMEDIES = ['compensation', 'freight_refund'] as const satisfies readonly Remedy[];

const tierLimitSchema = z.number().positive().max(MAX_AMOUNT).multipleOf(0.01);

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;

export const approvalTierSchema = z.strictObject({
  /** Inclusive upper bound in yuan; `null` only on the last tier, which has no ceiling. */
  upTo: tierLimitSchema.nullable(),
  /** Every one of these roles must approve (e.g. legal AND department head). */
  approvers: z
    .array(approverRoleSchema)
    .min(1)
    .max(APPROVER_ROLES.length)
    .refine(distinct, 'approvers must not repeat a role'),
});
export type ApprovalTier = z.infer<typeof approvalTierSchema>;

/**
 * Authority limits as data, because admins edit them. Tiers are ordered by amount; the first
 * tier whose ceiling covers the amount decides who must approve.
 */
export const approvalPolicySchema = z
  .strictObject({
    tiers: z.array(approvalTierSchema).min(1).max(10),
    /**
     * Line approvers from junior to senior: a senior may stand in for a junior's approval (a
     * department head may approve ¥300). Roles left out, like legal, review only their own slot
     * and never stand in for anyone.
     */
    seniority: z
      .array(approverRoleSchema)
      .max(APPROVER_ROLES.length)
      .refine(distinct, 'seniority must not repeat a role'),
  })
  .superRefine((policy, ctx) => {
    policy.tiers.forEach((tier, index) => {
      const isLast = index === policy.tiers.length - 1;
      if (isLast && tier.upTo !== null) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'upTo'], message: 'the last tier must be unbounded (null)' });
      }
      if (!isLast && tier.upTo === null) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'upTo'], message: 'only the last tier may be unbounded' });
      }
      const previous = index > 0 ? policy.tiers[index - 1].upTo : null;
      if (tier.upTo !== null && previous !== null && tier.upTo <= previous) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'upTo'], message: 'tier limits must be strictly ascending' });
      }
    });
  });
export type ApprovalPolicy = z.infer<typeof approvalPolicySchema>;

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  tiers: [
    { upTo: 500, approvers: ['cs_supervisor'] },
    { upTo: 5000, approvers: ['department_head'] },
    { upTo: null, approvers: ['legal', 'department_head'] },
  ],
  seniority: ['cs_supervisor', 'department_head'],
};

/** The slice of a case the approval rules read; `CaseDetail` fits it. */
export interface MoneySection {
  remedies?: readonly Remedy[] | null;
  amount?: number | null;
}

export interface WorkflowApproval {
  approverId: string;
  /** A string, not `Role`, because the stored case keeps whatever role the approver had then. */
  approverRole: string;
  decision: 'approved' | 'rejected';
  amount: number;
  voidedAt?: string | null;
}

export interface ApprovalCase {
  compensation?: (MoneySection & { proposedBy?: string | null }) | null;
  approvals?: readonly WorkflowApproval[] | null;
}

export function involvesMoney(section: MoneySection | null | undefined): boolean {
  if (!section) return false;
  const paysOut = (section.remedies ?? []).some((remedy) => (MONEY_REMEDIES as readonly Remedy[]).includes(remedy));
  return paysOut || (section.amount ?? 0) > 0;
}

/** Compared in cents so that 0.1 + 0.2 still matches an approval given for 0.30. */
function sameAmount(a: number, b: number): boolean {
  return Math.round(a * 100) === Math.round(b * 100);
}

export function requiredApprovers(amount: number | null | undefined, policy: ApprovalPolicy): readonly ApproverRole[] {
  if (amount == null || !(amount > 0)) return [];
  const tier = policy.tiers.find((candidate) => candidate.upTo === null || amount <= candidate.upTo);
  // A policy that passed the schema always ends unbounded; an unchecked one fails safe to the top tier.
  return (tier ?? policy.tiers[policy.tiers.length - 1]).approvers;
}

/** Whether an approval given by `actorRole` fills the slot reserved for `slotRole`. */
export function roleCovers(actorRole: string, slotRole: ApproverRole, policy: ApprovalPolicy): boolean {
  if (actorRole === slotRole) return true;
  const actorRank = policy.seniority.indexOf(actorRole as ApproverRole);
  const slotRank = policy.seniority.indexOf(slotRole);
  return actorRank >= 0 && slotRank >= 0 && actorRank > slotRank;
}

export interface ApprovalStatus {
  /** The amount decisions are counted against; `null` when none is recorded. */
  amount: number | null;
  /** Money is involved but no amount is recorded, so nobody can approve yet. */
  needsAmount: boolean;
  required: readonly ApproverRole[];
  satisfied: readonly ApproverRole[];
  missing: readonly ApproverRole[];
  /** A standing rejection blocks the amount until it changes (which voids decisions) or the case is sent back. */
  rejected: boolean;
  complete: boolean;
}

/**
 * Decisions that count: not voided, given for the current amount, not by the proposer (four
 * eyes) and by a role that holds authority at this amount. Anything else is history, not a vote.
 */
function countingDecisions(caseLike: ApprovalCase, amount: number, required: readonly ApproverRole[], policy: ApprovalPolicy) {
  const proposedBy = caseLike.compensation?.proposedBy ?? null;
  return (caseLike.approvals ?? []).filter(
    (approval) =>
      !approval.voidedAt &&
      sameAmount(approval.amount, amount) &&
      approval.approverId !== proposedBy &&
      required.some((slot) => roleCovers(approval.approverRole, slot, policy)),
  );
}

/**
 * Assigns one approver per required role, each person at most once, so that one senior
 * approval cannot fill two slots of a tier that asks for two people. Slots are first filled by
 * their own role and only then by stand-ins, so a partial result names the slot that is really
 * open. Tiers are tiny, so a plain augmenting-path matching is plenty.
 */
function fillSlots(required: readonly ApproverRole[], approvals: readonly WorkflowApproval[], policy: ApprovalPolicy) {
  const approvers = [...new Map(approvals.map((approval) => [approval.approverId, approval])).values()];
  const slotOfApprover = new Map<string, number>();

  const tryFill = (slot: number, standInsAllowed: boolean, visited: Set<string>): boolean => {
    for (const approval of approvers) {
      const fits = standInsAllowed
        ? roleCovers(approval.approverRole, required[slot], policy)
        : approval.approverRole === required[slot];
      if (!fits || visited.has(approval.approverId)) continue;
      visited.add(approval.approverId);
      const taken = slotOfApprover.get(approval.approverId);
      if (taken === undefined || tryFill(taken, standInsAllowed, visited)) {
        slotOfApprover.set(approval.approverId, slot);
        return true;
      }
    }
    return false;
  };

  const isFilled = (slot: number) => [...slotOfApprover.values()].includes(slot);
  required.forEach((_, slot) => tryFill(slot, false, new Set()));
  required.forEach((_, slot) => isFilled(slot) || tryFill(slot, true, new Set()));
  return required.filter((_, slot) => isFilled(slot));
}

export function approvalStatus(caseLike: ApprovalCase, policy: ApprovalPolicy): ApprovalStatus {
  const amount = caseLike.compensation?.amount ?? null;
  if (amount === null) {
    const needsAmount = involvesMoney(caseLike.compensation);
    return { amount, needsAmount, required: [], satisfied: [], missing: [], rejected: false, complete: !needsAmount };
  }
  const required = requiredApprovers(amount, policy);
  const decisions = countingDecisions(caseLike, amount, required, policy);
  const rejected = decisions.some((decision) => decision.decision === 'rejected');
  const satisfied = fillSlots(
    required,
    decisions.filter((decision) => decision.decision === 'approved'),
    policy,
  );
  const missing = required.filter((role) => !satisfied.includes(role));
  return { amount, needsAmount: false, required, satisfied, missing, rejected, complete: !rejected && missing.length === 0 };
}

export type ApprovalRefusal = 'NOT_IN_COMPENSATION' | 'NO_AMOUNT' | 'ROLE_LACKS_AUTHORITY' | 'OWN_PROPOSAL' | 'ALREADY_DECIDED';
export type ApprovalPermission = { ok: true } | { ok: false; reason: ApprovalRefusal };

export interface ApprovalActor {
  id: string;
  role: Role;
}

/** Whether `actor` may approve or reject the amount currently proposed; the same rules apply to both decisions. */
export function canApprove(
  actor: ApprovalActor,
  caseLike: ApprovalCase & { column: string },
  policy: ApprovalPolicy,
): ApprovalPermission {
  if (caseLike.column !== 'compensation') return { ok: false, reason: 'NOT_IN_COMPENSATION' };
  const amount = caseLike.compensation?.amount ?? null;
  if (amount === null || !(amount > 0)) return { ok: false, reason: 'NO_AMOUNT' };
  const required = requiredApprovers(amount, policy);
  if (!required.some((slot) => roleCovers(actor.role, slot, policy))) return { ok: false, reason: 'ROLE_LACKS_AUTHORITY' };
  if (caseLike.compensation?.proposedBy === actor.id) return { ok: false, reason: 'OWN_PROPOSAL' };
  const alreadyDecided = (caseLike.approvals ?? []).some(
    (approval) => approval.approverId === actor.id && !approval.voidedAt && sameAmount(approval.amount, amount),
  );
  if (alreadyDecided) return { ok: false, reason: 'ALREADY_DECIDED' };
  return { ok: true };
}
