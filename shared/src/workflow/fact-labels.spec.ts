import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../errors/error-codes.js';
import { APPROVER_ROLES } from './approval-authority.js';
import { FACT_LABELS, describeMissingFacts, isFactPath } from './fact-labels.js';

describe('FACT_LABELS', () => {
  it.each(Object.entries(FACT_LABELS))('%s has words in both languages', (_, label) => {
    expect(label['zh-CN'].trim()).not.toBe('');
    expect(label.en.trim()).not.toBe('');
  });

  it('names an approval slot for every role a policy may require', () => {
    for (const role of APPROVER_ROLES) expect(isFactPath(`approvals.${role}`)).toBe(true);
    expect(isFactPath('approvals.admin')).toBe(false);
  });

  it('describes missing facts in the asked locale, keeping unknown paths as they are', () => {
    const missing = ['followUp.score', 'reason', 'something.new'];
    expect(describeMissingFacts(missing, 'zh-CN')).toBe('满意度评分（1-5）、原因说明、something.new');
    expect(describeMissingFacts(missing, 'en')).toBe('satisfaction score (1-5), reason, something.new');
  });
});

describe('workflow error messages', () => {
  it.each([
    'TRANSITION_REFUSED',
    'NOT_A_MOVE',
    'ROLE_NOT_ALLOWED',
    'VERSION_CONFLICT',
    'CASE_NOT_FOUND',
    'APPROVAL_NOT_ALLOWED',
    'AMOUNT_CHANGED',
    'INVALID_CREDENTIALS',
    'LOGIN_THROTTLED',
    'USER_NOT_FOUND',
    'COMMENT_NOT_FOUND',
    'EVIDENCE_NOT_FOUND',
    'UNSUPPORTED_FILE_TYPE',
    'FILE_TOO_LARGE',
  ])('%s has a message in both languages', (code) => {
    const messages = (ERROR_MESSAGES as Record<string, { 'zh-CN': string; en: string }>)[code];
    expect(messages?.['zh-CN']).toBeTruthy();
    expect(messages?.en).toBeTruthy();
  });
});
