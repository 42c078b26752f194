import { z } from 'zod';
import { safeString } from '../common/safe-string.js';
import { boardFiltersSchema } from './board-query.js';

export const savedViewInputSchema = z.strictObject({
  name: safeString().trim().min(1).max(60),
  filters: boardFiltersSchema,
});
export type SavedViewInput = z.output<typeof savedViewInputSchema>;

/** A user's named board: filters and swimlanes, private to the user who saved it. */
export const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: boardFiltersSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type SavedView = z.infer<typeof savedViewSchema>;
