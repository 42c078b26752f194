import { z } from 'zod';
import { caseColumnSchema, categorySchema, channelSchema, rootCauseSchema, severitySchema } from '../cases/case.schema.js';
import { slaPolicySchema } from '../board/sla.js';
import { departmentSchema, type Role } from '../users/user.schema.js';

/**
 * Who reads the monthly report: the people who answer for the complaint figures. Department heads
 * (management); customer-service supervisors, who own the 48-hour resolution and satisfaction
 * targets of their agents; and quality (质量监控部), whose job is to monitor service quality and
 * close the procedures' "record and improve" loop from root causes and hot spots. Agents,
 * operations and legal work cases; admin administers the system and never works one. Every staff
 * role still sees every case on the board: this is a manager's tool, not a wall around figures.
 */
export const REPORT_READER_ROLES = ['department_head', 'cs_supervisor', 'quality_investigator'] as const satisfies readonly Role[];

export function mayReadReports(role: Role): boolean {
  return (REPORT_READER_ROLES as readonly Role[]).includes(role);
}

/** The procedures' promises the report measures against. */
export const RESOLUTION_TARGET_HOURS = 48;
export const RESOLUTION_TARGET_SHARE = 0.95;
export const SATISFACTION_TARGET_SHARE = 0.9;
/** Hot spots, responsible parties and repeat complainers: the ten with the most cases. */
export const REPORT_TOP = 10;

/** Business time: China has one time zone and no daylight saving. */
export const REPORT_TIME_ZONE = 'Asia/Shanghai';
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM`, a calendar month in Beijing time. */
export const reportMonthSchema = z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'month: YYYY-MM');
export type ReportMonth = z.infer<typeof reportMonthSchema>;

/** The month that holds `now`, in Beijing time. */
export function currentReportMonth(now: number = Date.now()): ReportMonth {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** `GET /api/reports/monthly`: the complaints received in one month, of one owning department or all. */
export const monthlyReportQuerySchema = z.strictObject({
  month: reportMonthSchema.default(() => currentReportMonth()),
  department: departmentSchema.optional(),
});
export type MonthlyReportQuery = z.output<typeof monthlyReportQuerySchema>;

/** Yuan as exact decimal text (`"1234.50"`): sums of money never pass through a float. */
export const yuanSchema = z.string().regex(/^\d+\.\d{2}$/);

const count = z.number().int().nonnegative();
/** A part of a whole, 0…1; null when the whole is zero and there is nothing to divide. */
const share = z.number().min(0).max(1).nullable();
const counted = <Key extends z.ZodType>(key: Key) => z.object({ key, count });

export const monthlyReportSchema = z.object({
  month: reportMonthSchema,
  department: departmentSchema.nullable(),
  /** The month's bounds: midnight Beijing time on its first day and on the next month's. */
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  /** Every figure describes the month's complaints as they stand at this instant. */
  asOf: z.iso.datetime({ offset: true }),
  /** The SLA policy overdue cases were judged by (today's, as on the board). */
  policy: slaPolicySchema,
  /** Complaints received (taken in) in the month. */
  cases: count,
  byCategory: z.array(counted(categorySchema)),
  byChannel: z.array(counted(channelSchema)),
  bySeverity: z.array(counted(severitySchema)),
  /**
   * Where complaints concentrate, at most REPORT_TOP each: the depot the parcel was sent from, the
   * one it was going to, and the place it went wrong as recorded with the facts (often a hub).
   */
  hotSpots: z.object({
    origins: z.array(counted(z.string())),
    destinations: z.array(counted(z.string())),
    locations: z.array(counted(z.string())),
  }),
  resolution: z.object({
    /** Resolved (reached follow-up or closed) within RESOLUTION_TARGET_HOURS of intake. */
    withinTarget: count,
    /** Cases that can be judged: resolved, or open for longer than the target already. */
    judged: count,
    share,
  }),
  /** The time cases spent in each column before they left it, from the moves on their timelines. */
  columnTimes: z.array(
    z.object({
      column: caseColumnSchema.exclude(['closed']),
      /** Times a case left the column (a reopened case may pass a column twice). */
      stays: count,
      averageHours: z.number().nonnegative().nullable(),
      /** The month's cases in the column now, whose stay has not ended. */
      stillThere: count,
    }),
  ),
  /** Approved compensation: amounts whose approval chain was completed and not voided since. */
  compensation: z.object({
    cases: count,
    amount: yuanSchema,
    byCategory: z.array(z.object({ category: categorySchema, cases: count, amount: yuanSchema })),
  }),
  satisfaction: z.object({
    /** Follow-up calls on record: each reopen counts as one "not satisfied" call (reopening needs it and clears it). */
    calls: count,
    satisfied: count,
    share,
    /** Over the scores on the cases now (a reopened case's earlier score was cleared with its call). */
    averageScore: z.number().min(1).max(5).nullable(),
  }),
  rootCauses: z.object({
    /** Cases whose corrective action names a root cause. */
    recorded: count,
    bySource: z.array(counted(rootCauseSchema)),
    responsibleParties: z.array(counted(z.string())),
  }),
  overdue: z.object({
    /** Still open and past the deadline running now. */
    breached: count,
    /** Resolved after the resolution deadline. */
    resolvedLate: count,
    /** Complaints that came in escalated: through management, or from the postal regulator. */
    escalatedByManagement: count,
    fromRegulator: count,
  }),
  repeatComplainers: z.object({
    /** Customers with two or more complaints in the month, and how many complaints they made. */
    customers: count,
    cases: count,
    top: z.array(
      z.object({
        customerId: z.uuid(),
        name: z.string(),
        company: z.string().nullable(),
        /** Enough to tell two 王芳 apart, not enough to call them from a printed report: `138****8000`. */
        phone: z.string(),
        cases: count,
        /** All their complaints, the month's and earlier ones. */
        allCases: count,
      }),
    ),
  }),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

