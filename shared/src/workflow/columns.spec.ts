import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS, isCaseColumn } from './columns.js';

describe('case columns', () => {
  it('follow the complaint flow from intake to closed', () => {
    expect(CASE_COLUMNS).toEqual([
      'intake',
      'investigation',
      'compensation',
      'corrective_action',
      'follow_up',
      'closed',
    ]);
  });

  it('recognise only known columns', () => {
    expect(isCaseColumn('investigation')).toBe(true);
    expect(isCaseColumn('archived')).toBe(false);
    expect(isCaseColumn(3)).toBe(false);
  });
});
