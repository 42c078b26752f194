import type { Messages } from './zh-CN.js';

export const en: Messages = {
  app: { title: 'Complaint board', loading: 'Loading…', loadFailed: 'The board could not be loaded: {{message}}', retry: 'Retry' },
  column: {
    intake: 'Intake',
    investigation: 'Investigation',
    compensation: 'Compensation approval',
    corrective_action: 'Corrective action',
    follow_up: 'Follow-up',
    closed: 'Closed',
  },
  severity: { serious: 'Serious', important: 'Important', general: 'General' },
  board: { caseCount: '{{count}} cases', empty: 'No cases', columnLabel: '{{column}}, {{count}} cases' },
  language: { label: 'Language', 'zh-CN': '中文', en: 'English' },
};
