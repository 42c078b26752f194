import { z } from 'zod';
import { CASE_COLUMNS } from '../workflow/columns.js';

export const SEVERITIES = ['serious', 'important', 'general'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const caseColumnSchema = z.enum(CASE_COLUMNS);

/** `CP-YYYYMMDD-NNNN`: intake date plus a daily serial. */
export const CASE_NUMBER_PATTERN = /^CP-\d{8}-\d{4,}$/;
export const caseNumberSchema = z.string().regex(CASE_NUMBER_PATTERN);

/** What the board needs to draw a card. */
export const caseCardSchema = z.object({
  id: z.uuid(),
  number: caseNumberSchema,
  title: z.string(),
  column: caseColumnSchema,
  severity: severitySchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
});
export type CaseCard = z.infer<typeof caseCardSchema>;
