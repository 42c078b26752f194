import { z } from 'zod';
import { SEVERITIES, type Severity } from '../cases/case.schema.js';
import type { SlaState } from './sla-state.js';

/** "Most of the time is used": the escalation warning starts at three quarters of the window. */
export const SLA_WARNING_SHARE = 0.75;

/** A month: no promise to a customer runs longer, and a typo of 2400 h is caught. */
const MAX_SLA_HOURS = 720;

const hoursSchema = z.number().positive().max(MAX_SLA_HOURS);

export const slaTargetSchema = z
  .strictObject({
    firstResponseHours: hoursSchema,
    resolutionHours: hoursSchema,
  })
  .refine((target) => target.firstResponseHours <= target.resolutionHours, {
    path: ['firstResponseHours'],
    message: 'the first response cannot be due after the resolution',
  });
export type SlaTarget = z.infer<typeof slaTargetSchema>;

/** Admin-editable, one target per severity; the clock of every case runs from intake. */
export const slaPolicySchema = z.strictObject(
  Object.fromEntries(SEVERITIES.map((severity) => [severity, slaTargetSchema])) as Record<Severity, typeof slaTargetSchema>,
);
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/** The procedures' promises, tightened for serious complaints. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  serious: { firstResponseHours: 2, resolutionHours: 24 },
  important: { firstResponseHours: 8, resolutionHours: 48 },
  general: { firstResponseHours: 24, resolutionHours: 72 },
};

/** What the SLA clock reads from a case; a board card carries all of it. */
export interface SlaClockCase {
  severity: Severity;
  createdAt: string;
  /** When the case first left intake; null while it waits for its first response. */
  firstRespondedAt: string | null;
  /** When it reached follow-up or closed; null while open (a reopen clears it). */
  resolvedAt: string | null;
}

export interface SlaStatus {
  state: SlaState;
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
  /** The deadline the case runs against now: first response until it is given, then resolution; null once resolved. */
  activeDueAt: Date | null;
  /** Until `activeDueAt`; negative once overdue; null once resolved. */
  remainingMs: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * The SLA state of one case at `now`. The board's SQL computes the same thing to filter and sort
 * (server/src/modules/sla/sla.sql.ts); this lets a card count down without asking the server.
 */
export function slaStatus(card: SlaClockCase, policy: SlaPolicy, now: Date | number): SlaStatus {
  const target = policy[card.severity];
  const created = Date.parse(card.createdAt);
  const firstResponseDueAt = new Date(created + target.firstResponseHours * HOUR_MS);
  const resolutionDueAt = new Date(created + target.resolutionHours * HOUR_MS);
  if (card.resolvedAt !== null) {
    const state = Date.parse(card.resolvedAt) <= resolutionDueAt.getTime() ? 'met' : 'missed';
    return { state, firstResponseDueAt, resolutionDueAt, activeDueAt: null, remainingMs: null };
  }
  const activeDueAt = card.firstRespondedAt === null ? firstResponseDueAt : resolutionDueAt;
  const at = typeof now === 'number' ? now : now.getTime();
  const remainingMs = activeDueAt.getTime() - at;
  const used = (at - created) / (activeDueAt.getTime() - created);
  const state = remainingMs <= 0 ? 'breached' : used >= SLA_WARNING_SHARE ? 'warning' : 'ok';
  return { state, firstResponseDueAt, resolutionDueAt, activeDueAt, remainingMs };
}
