import { z } from 'zod';
import type { Severity } from '../cases/case.schema.js';

/** Everything that can happen to a case; each lands on its timeline and goes out live. */
export const CASE_EVENT_TYPES = [
  'case.created',
  'case.updated',
  'case.moved',
  'approval.decided',
  'comment.added',
  'evidence.added',
  /** Recorded by the system (no actor) when a case runs into ¾ of its active deadline. */
  'sla.warning',
  /** Recorded by the system when the active deadline passes; heads and supervisors are alerted. */
  'sla.breached',
] as const;
export const caseEventTypeSchema = z.enum(CASE_EVENT_TYPES);
export type CaseEventType = z.infer<typeof caseEventTypeSchema>;

/** The promise a case runs against: the first response until it is given, then the resolution. */
export const SLA_DEADLINES = ['first_response', 'resolution'] as const;
export type SlaDeadline = (typeof SLA_DEADLINES)[number];

/** The data of `sla.warning` and `sla.breached`. */
export interface SlaCrossingData {
  deadline: SlaDeadline;
  /** ISO instant the deadline falls due, under the policy in force when it was recorded. */
  dueAt: string;
  severity: Severity;
}

export const timelineEntrySchema = z.object({
  /** Global, gap-free in commit order: clients use it to notice missed events. */
  seq: z.number().int().positive(),
  caseId: z.uuid(),
  type: caseEventTypeSchema,
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  requestId: z.string().nullable(),
  occurredAt: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string().nullable(),
  hash: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineVerificationSchema = z.object({
  valid: z.boolean(),
  events: z.number().int().nonnegative(),
  /** The first event whose stored hash or link does not match its content. */
  brokenAtSeq: z.number().int().positive().nullable(),
  headHash: z.string().nullable(),
});
export type TimelineVerification = z.infer<typeof timelineVerificationSchema>;
