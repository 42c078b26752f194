import { z } from 'zod';

/**
 * ok / warning / breached while the clock runs; met / missed once the case is resolved (it reached
 * follow-up or closed), judged against the resolution deadline.
 */
export const SLA_STATES = ['ok', 'warning', 'breached', 'met', 'missed'] as const;
export const slaStateSchema = z.enum(SLA_STATES);
export type SlaState = z.infer<typeof slaStateSchema>;
