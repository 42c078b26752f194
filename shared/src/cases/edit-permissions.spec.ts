import { describe, expect, it } from 'vitest';
import { ROLES } from '../users/user.schema.js';
import { CASE_COLUMNS } from '../workflow/columns.js';
import { canEditSection, CASE_SECTIONS, SECTION_RULES } from './edit-permissions.js';

describe('canEditSection', () => {
  it('never lets admin edit a case, nor anyone edit a closed one', () => {
    for (const section of CASE_SECTIONS) {
      expect(canEditSection('admin', section, 'investigation')).toEqual({ ok: false, reason: 'ROLE_NOT_ALLOWED' });
      for (const role of SECTION_RULES[section].roles) {
        expect(canEditSection(role, section, 'closed')).toEqual({ ok: false, reason: 'SECTION_NOT_EDITABLE' });
      }
    }
  });

  it.each(CASE_SECTIONS)('%s: exactly the owning roles, exactly in its columns', (section) => {
    for (const role of ROLES) {
      for (const column of CASE_COLUMNS) {
        const result = canEditSection(role, section, column);
        const roleOk = SECTION_RULES[section].roles.includes(role);
        const columnOk = SECTION_RULES[section].columns.includes(column);
        expect(result.ok).toBe(roleOk && columnOk);
      }
    }
  });

  it('lets quality record the verdict only during investigation', () => {
    expect(canEditSection('quality_investigator', 'investigation', 'investigation').ok).toBe(true);
    expect(canEditSection('quality_investigator', 'investigation', 'follow_up').ok).toBe(false);
    expect(canEditSection('cs_agent', 'investigation', 'investigation').ok).toBe(false);
  });
});
