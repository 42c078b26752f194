/** The board's columns, in flow order. The order is part of the contract: the web renders it as is. */
export const CASE_COLUMNS = [
  'intake',
  'investigation',
  'compensation',
  'corrective_action',
  'follow_up',
  'closed',
] as const;

export type CaseColumn = (typeof CASE_COLUMNS)[number];

export function isCaseColumn(value: unknown): value is CaseColumn {
  return typeof value === 'string' && (CASE_COLUMNS as readonly string[]).includes(value);
}
