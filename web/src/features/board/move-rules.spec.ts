import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_POLICY, type CaseDetail, type UserSummary } from '@app/shared';
import { i18n } from '../../i18n/i18n.js';
import { makeCard } from './board-test-kit.js';
import { columnVerdicts } from './move-rules.js';

const agent: UserSummary = { id: '0b0f1f1e-8a6f-4f53-9a55-00000000a001', username: 'agent', displayName: '王晓燕', role: 'cs_agent', department: 'customer_service' };
const quality: UserSummary = { ...agent, username: 'quality', role: 'quality_investigator', department: 'quality' };
const t = i18n.getFixedT('zh-CN');

function detailOf(card: ReturnType<typeof makeCard>, overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: card.id,
    number: card.number,
    title: card.title,
    column: card.column,
    channel: card.channel,
    category: card.category,
    severity: card.severity,
    customer: { id: '0b0f1f1e-8a6f-4f53-9a55-00000000c001', name: '王芳', phone: '13800138000', email: null, company: null, type: null },
    shipment: { waybill: card.waybill, origin: '上海', destination: '杭州' },
    facts: { description: '包裹延误' },
    claim: { remedies: [] },
    investigation: {},
    compensation: { remedies: [] },
    approvals: [],
    correctiveAction: {},
    followUp: {},
    ownerId: null,
    owningDepartment: 'customer_service',
    watcherIds: [],
    reopenCount: 0,
    createdBy: null,
    createdAt: card.createdAt,
    updatedAt: card.updatedAt,
    version: card.version,
    ...overrides,
  };
}

describe('columnVerdicts', () => {
  it('knows from the card alone what the role forbids and what is no move at all', () => {
    const card = makeCard({ column: 'investigation' });
    const verdicts = columnVerdicts(card, null, agent, DEFAULT_APPROVAL_POLICY, t, 'zh-CN');
    expect(verdicts.investigation).toEqual({ kind: 'current' });
    expect(verdicts.compensation).toEqual({ kind: 'refused', reason: '您的角色（客服专员）不能执行此步骤' });
    expect(verdicts.intake).toEqual({ kind: 'refused', reason: '不能从「调查核实」直接移到「受理」' });
  });

  it('waits for the case detail before judging the facts', () => {
    const card = makeCard({ column: 'investigation' });
    expect(columnVerdicts(card, null, quality, DEFAULT_APPROVAL_POLICY, t, 'zh-CN').compensation).toEqual({ kind: 'checking' });
    const stale = detailOf(card, { version: card.version - 1 || 0, investigation: { verdict: 'substantiated' } });
    expect(columnVerdicts({ ...card, version: 2 }, stale, quality, DEFAULT_APPROVAL_POLICY, t, 'zh-CN').compensation).toEqual({ kind: 'checking' });
  });

  it('names the missing facts in words once the detail is there', () => {
    const card = makeCard({ column: 'investigation' });
    const verdicts = columnVerdicts(card, detailOf(card), quality, DEFAULT_APPROVAL_POLICY, t, 'zh-CN');
    expect(verdicts.compensation).toEqual({ kind: 'refused', reason: '缺少：调查结论（投诉是否成立）' });
    const en = columnVerdicts(card, detailOf(card), quality, DEFAULT_APPROVAL_POLICY, i18n.getFixedT('en'), 'en');
    expect(en.compensation).toEqual({ kind: 'refused', reason: 'Missing: investigation verdict' });
  });

  it('allows a move whose facts are recorded, and flags a step back that needs a reason', () => {
    const card = makeCard({ column: 'investigation' });
    const substantiated = detailOf(card, { investigation: { verdict: 'substantiated' } });
    expect(columnVerdicts(card, substantiated, quality, DEFAULT_APPROVAL_POLICY, t, 'zh-CN').compensation).toEqual({ kind: 'allowed', needsReason: false });
    const supervisor = { ...agent, role: 'cs_supervisor' as const };
    const inApproval = makeCard({ column: 'compensation' });
    expect(columnVerdicts(inApproval, null, supervisor, DEFAULT_APPROVAL_POLICY, t, 'zh-CN').investigation).toEqual({ kind: 'allowed', needsReason: true });
  });
});
