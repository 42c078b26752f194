import type { approvalPolicySchema } from '@app/shared';
import type { settingsZhCN } from './settings.messages.js';

type Issue = NonNullable<ReturnType<typeof approvalPolicySchema.safeParse>['error']>['issues'][number];

/** Why a value is refused, as a key of `settings.validation` plus what its message needs. */
export interface SettingProblem {
  key: keyof typeof settingsZhCN.validation;
  max?: number;
}

/** Problems by the dotted path of the field they belong to (`tiers.1.upTo`); `''` holds the form's own. */
export type SettingProblems = Record<string, SettingProblem>;

/** The shared schemas word their cross-field rules for developers; each lands on one field, which names the rule. */
const RULE_OF_FIELD: Record<string, SettingProblem['key']> = {
  upTo: 'ascending',
  firstResponseHours: 'firstAfterResolution',
};

function problemOf(issue: Issue): SettingProblem {
  const field = String(issue.path.at(-1));
  switch (issue.code) {
    case 'invalid_type':
      // Parsed with `reportInput`, so a blank field (read as undefined) is told apart from text that is no number.
      return { key: issue.input === undefined ? 'required' : 'number' };
    case 'too_small':
      if (issue.origin === 'number') return { key: 'positive' };
      return { key: field === 'approvers' ? 'approvers' : 'invalid' };
    case 'too_big':
      if (issue.origin === 'array') return { key: 'tooManyTiers', max: Number(issue.maximum) };
      return { key: field === 'upTo' ? 'amountTooLarge' : 'hoursTooLarge', max: Number(issue.maximum) };
    case 'not_multiple_of':
      return { key: 'cents' };
    case 'custom':
      return { key: RULE_OF_FIELD[field] ?? 'invalid' };
    default:
      return { key: 'invalid' };
  }
}

/**
 * Files each issue under its field, the first `depth` segments of its path (`general.resolutionHours`
 * is 2 deep, `tiers.0.upTo` 3); shorter paths belong to the whole form. The first problem of a field wins.
 */
export function settingProblems(issues: readonly Issue[], depth: number): SettingProblems {
  const problems: SettingProblems = {};
  for (const issue of issues) {
    const field = issue.path.length >= depth ? issue.path.slice(0, depth).join('.') : '';
    problems[field] ??= problemOf(issue);
  }
  return problems;
}

/** A typed amount or number of hours as the schema reads it: blank is missing, anything else a number (NaN if not one). */
export function numberFromText(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text.trim());
}
