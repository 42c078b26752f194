import { z } from 'zod';
import { caseCardSchema } from '../cases/case.schema.js';
import { slaPolicySchema } from '../board/sla.js';
import { departmentSchema, type Role } from '../users/user.schema.js';

/**
 * Who watches the escalation view: department heads, whose job it is (they approve within their
 * authority and receive breach alerts), and customer-service supervisors, the first level above
 * the agents who own intake and the follow-up call, who chase a warning before it becomes a
 * breach. Every staff role still sees every case on the board; this view is a supervisor's tool,
 * not a wall around cases.
 */
export const ESCALATION_VIEWER_ROLES = ['department_head', 'cs_supervisor'] as const satisfies readonly Role[];

export function mayWatchEscalations(role: Role): boolean {
  return (ESCALATION_VIEWER_ROLES as readonly Role[]).includes(role);
}

/** `GET /api/escalations`: one owning department's cases, or every department's. */
export const escalationsQuerySchema = z.strictObject({
  department: departmentSchema.optional(),
});
export type EscalationsQuery = z.output<typeof escalationsQuerySchema>;

/**
 * An open case (not yet in follow-up or closed) that is breached, in warning, or serious. It
 * carries what `slaStatus` reads, so the view counts down without asking the server.
 */
export const escalatedCaseSchema = caseCardSchema.pick({
  id: true,
  number: true,
  title: true,
  column: true,
  severity: true,
  customerName: true,
  ownerName: true,
  owningDepartment: true,
  createdAt: true,
  firstRespondedAt: true,
  resolvedAt: true,
  slaState: true,
});
export type EscalatedCase = z.infer<typeof escalatedCaseSchema>;

export const departmentEscalationsSchema = z.object({
  department: departmentSchema,
  breached: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  /** Open serious cases whatever their SLA state, so a serious breach counts here and under `breached`. */
  serious: z.number().int().nonnegative(),
});
export type DepartmentEscalations = z.infer<typeof departmentEscalationsSchema>;

export const escalationsOverviewSchema = z.object({
  /** The instant the SLA states were computed at. */
  asOf: z.iso.datetime({ offset: true }),
  /** The policy they were computed with; the view counts down against the same one. */
  policy: slaPolicySchema,
  /** Most urgent first: breached (most overdue first), then warning, then serious on time, each by least time left. */
  cases: z.array(escalatedCaseSchema),
  /** Every department with an escalated case, whatever `department` asked for, so the summary always shows the whole company. */
  departments: z.array(departmentEscalationsSchema),
});
export type EscalationsOverview = z.infer<typeof escalationsOverviewSchema>;
