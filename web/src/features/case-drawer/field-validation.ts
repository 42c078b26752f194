import { updateCaseInputSchema } from '@app/shared';
import { buildEdit, type FieldSpec, type RawValues } from './case-fields.js';

type Issue = NonNullable<ReturnType<typeof updateCaseInputSchema.safeParse>['error']>['issues'][number];

/** A reason a value is refused, as a key of `caseDrawer.validation` plus what its message needs. */
export interface FieldProblem {
  key: 'required' | 'tooLong' | 'tooMany' | 'tooSmall' | 'tooLarge' | 'cents' | 'number' | 'phone' | 'waybill' | 'email' | 'datetime' | 'date' | 'invalid';
  max?: number;
}

/** Problems by field path; `''` holds those that belong to no field of the form. */
export type FieldProblems = Record<string, FieldProblem>;

function problemOf(issue: Issue): FieldProblem {
  const last = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? { key: 'tooSmall' } : { key: 'required' };
    case 'too_big':
      if (issue.origin === 'number') return { key: 'tooLarge' };
      return { key: issue.origin === 'array' ? 'tooMany' : 'tooLong', max: Number(issue.maximum) };
    case 'not_multiple_of':
      return { key: 'cents' };
    case 'invalid_type':
      return issue.expected === 'number' ? { key: 'number' } : { key: 'invalid' };
    case 'invalid_format':
      // The shared schema words its own regexes `phone` and `waybill`; the field name says the same.
      if (last === 'phone' || last === 'waybill') return { key: last };
      if (issue.format === 'email') return { key: 'email' };
      if (issue.format === 'datetime') return { key: 'datetime' };
      if (issue.format === 'date') return { key: 'date' };
      return { key: 'invalid' };
    default:
      return { key: 'invalid' };
  }
}

/**
 * Files each issue under the field it is about: the longest field path that starts its path, so
 * `claim.remedies.2` lands on `claim.remedies`. The first problem of a field wins.
 */
export function problemsByField(issues: readonly Issue[], fieldPaths: readonly string[], prefix: readonly string[] = []): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(String)].join('.');
    const field =
      [...fieldPaths].sort((a, b) => b.length - a.length).find((candidate) => path === candidate || path.startsWith(`${candidate}.`)) ?? '';
    problems[field] ??= problemOf(issue);
  }
  return problems;
}

/** Required fields left blank, said as "required" whatever the schema's own wording for an empty value. */
export function blankRequired(specs: readonly FieldSpec[], values: RawValues): FieldProblems {
  const blank = specs.filter((spec) => spec.required && typeof values[spec.path] === 'string' && (values[spec.path] as string).trim() === '');
  return Object.fromEntries(blank.map((spec) => [spec.path, { key: 'required' } as FieldProblem]));
}

const EDIT_SCHEMAS = updateCaseInputSchema.shape as Record<string, { safeParse(value: unknown): { success: boolean; error?: { issues: Issue[] } } }>;

/** Checks a form's values section by section with the shared update schema, the one the server applies. */
export function validateEdit(specs: readonly FieldSpec[], values: RawValues): FieldProblems {
  const paths = specs.map((spec) => spec.path);
  const problems: FieldProblems = {};
  for (const [section, value] of Object.entries(buildEdit(specs, values))) {
    const result = EDIT_SCHEMAS[section].safeParse(value);
    if (!result.success && result.error) Object.assign(problems, problemsByField(result.error.issues, paths, [section]));
  }
  return { ...problems, ...blankRequired(specs, values) };
}
