import { z } from 'zod';
import { amountSchema, approvalDecisionSchema, caseColumnSchema } from '../cases/case.schema.js';

/** A drop on the board. `version` is the version the mover saw: a stale one is refused (409). */
export const moveInputSchema = z.strictObject({
  to: caseColumnSchema,
  version: z.number().int().positive(),
  /** Required by sending back (rejection, reopen); the workflow decides, not the schema. */
  reason: z.string().trim().min(1).max(1000).optional(),
});
export type MoveInput = z.infer<typeof moveInputSchema>;

/**
 * A decision on the proposed compensation. `amount` is the amount the approver saw, so a
 * decision never lands on an amount that changed under the approver's eyes.
 */
export const approvalInputSchema = z
  .strictObject({
    decision: approvalDecisionSchema,
    amount: amountSchema,
    reason: z.string().trim().max(1000).optional(),
  })
  .superRefine((input, ctx) => {
    // A rejection goes back to whoever proposed the remedy; they need to know what to change.
    if (input.decision === 'rejected' && !input.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason' });
    }
  });
export type ApprovalInput = z.infer<typeof approvalInputSchema>;
