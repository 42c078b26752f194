import type { CaseColumn } from '../workflow/columns.js';
import { STAFF_ROLES, type Role } from '../users/user.schema.js';

/** The parts of a case an edit may touch, grouped by who owns them on the board. */
export const CASE_SECTIONS = [
  'intake',
  'assignment',
  'investigation',
  'compensation',
  'correctiveAction',
  'followUp',
] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

/** Which field of an edit belongs to which section. */
export const SECTION_OF_FIELD = {
  title: 'intake',
  channel: 'intake',
  category: 'intake',
  severity: 'intake',
  customer: 'intake',
  shipment: 'intake',
  facts: 'intake',
  claim: 'intake',
  ownerId: 'assignment',
  owningDepartment: 'assignment',
  watcherIds: 'assignment',
  investigation: 'investigation',
  compensation: 'compensation',
  correctiveAction: 'correctiveAction',
  followUp: 'followUp',
} as const satisfies Record<string, CaseSection>;
export type EditableField = keyof typeof SECTION_OF_FIELD;

interface SectionRule {
  roles: readonly Role[];
  /** Columns in which the section may be changed: a step's record is written during that step. */
  columns: readonly CaseColumn[];
}

export const SECTION_RULES: Record<CaseSection, SectionRule> = {
  intake: {
    roles: ['cs_agent', 'cs_supervisor', 'department_head'],
    columns: ['intake', 'investigation', 'compensation', 'corrective_action', 'follow_up'],
  },
  assignment: {
    roles: STAFF_ROLES,
    columns: ['intake', 'investigation', 'compensation', 'corrective_action', 'follow_up'],
  },
  investigation: { roles: ['quality_investigator', 'operations', 'department_head'], columns: ['investigation'] },
  compensation: {
    roles: ['cs_agent', 'cs_supervisor', 'legal', 'department_head'],
    columns: ['investigation', 'compensation'],
  },
  correctiveAction: {
    roles: ['operations', 'quality_investigator', 'department_head'],
    columns: ['corrective_action'],
  },
  followUp: { roles: ['cs_agent', 'cs_supervisor', 'department_head'], columns: ['follow_up'] },
};

export type SectionEditCheck = { ok: true } | { ok: false; reason: 'ROLE_NOT_ALLOWED' | 'SECTION_NOT_EDITABLE' };

export function canEditSection(role: Role, section: CaseSection, column: CaseColumn): SectionEditCheck {
  const rule = SECTION_RULES[section];
  if (!rule.roles.includes(role)) return { ok: false, reason: 'ROLE_NOT_ALLOWED' };
  if (!rule.columns.includes(column)) return { ok: false, reason: 'SECTION_NOT_EDITABLE' };
  return { ok: true };
}

