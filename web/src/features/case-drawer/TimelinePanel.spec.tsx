import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry, TimelineVerification } from '@app/shared';
import { i18n } from '../../i18n/i18n.js';
import { caseDetail, fakeServer, json, PEOPLE, renderSignedIn } from './drawer-test-kit.js';
import { TimelinePanel } from './TimelinePanel.js';

const CASE_ID = caseDetail().id;

const entry = (seq: number, type: TimelineEntry['type'], data: Record<string, unknown>): TimelineEntry => ({
  seq,
  caseId: CASE_ID,
  type,
  actorId: PEOPLE.quality.id,
  actorName: PEOPLE.quality.displayName,
  requestId: null,
  occurredAt: `2026-11-23T0${seq}:00:00.000Z`,
  data,
  prevHash: null,
  hash: `hash-${seq}`,
});

const HISTORY = [
  entry(1, 'case.created', { number: 'CP-20261123-0042' }),
  entry(2, 'case.moved', { from: 'intake', to: 'investigation', kind: 'forward' }),
  entry(3, 'case.updated', {
    changes: [
      { field: 'investigation.verdict', before: null, after: 'substantiated' },
      { field: 'compensation.amount', before: 2500, after: 3000 },
      { field: 'correctiveAction.preventiveOwnerId', before: null, after: PEOPLE.operations.id },
    ],
  }),
  entry(4, 'approval.decided', { decision: 'rejected', amount: 3000, role: 'department_head', reason: '金额超出货值' }),
];

function renderTimeline(user = PEOPLE.agent, verification: TimelineVerification = { valid: true, events: 4, brokenAtSeq: null, headHash: 'hash-4' }) {
  fakeServer({
    [`GET /api/cases/${CASE_ID}/timeline`]: json(200, HISTORY),
    [`GET /api/cases/${CASE_ID}/timeline/verify`]: json(200, verification),
  });
  renderSignedIn(user, <TimelinePanel caseId={CASE_ID} refreshKey="1" users={Object.values(PEOPLE)} />);
}

describe('TimelinePanel', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await i18n.changeLanguage('zh-CN');
  });

  it('tells who did what, newest first, with before and after in words', async () => {
    renderTimeline();
    const entries = (await screen.findByText('受理投诉，编号 CP-20261123-0042')).closest('ol')!;
    const items = [...entries.children] as HTMLElement[];
    expect(items.map((item) => item.querySelector('ul')!.textContent)).toEqual([
      '驳回赔偿 ¥3,000.00（部门负责人）原因：金额超出货值',
      '调查结论：— → 投诉成立赔偿金额（元）：¥2,500.00 → ¥3,000.00预防措施负责人：— → 刘强',
      '从「受理」提交至「调查核实」',
      '受理投诉，编号 CP-20261123-0042',
    ]);
    expect(items[0]).toHaveTextContent('张敏');
    expect(screen.queryByText(/完整性校验/)).not.toBeInTheDocument();
  });

  it('says the same in English', async () => {
    await i18n.changeLanguage('en');
    renderTimeline();
    expect(await screen.findByText('Verdict: — → Substantiated')).toBeInTheDocument();
    expect(screen.getByText('Compensation amount (¥): ¥2,500.00 → ¥3,000.00')).toBeInTheDocument();
    expect(screen.getByText('Moved from Intake to Investigation')).toBeInTheDocument();
  });

  it("shows legal whether the history's hash chain is intact", async () => {
    renderTimeline(PEOPLE.legal);
    expect(await screen.findByText('完整性校验通过：4 条记录的哈希链未被改动。')).toBeInTheDocument();
  });

  it('warns legal where the chain breaks', async () => {
    renderTimeline(PEOPLE.legal, { valid: false, events: 4, brokenAtSeq: 3, headHash: 'hash-4' });
    expect(await screen.findByText('完整性校验未通过：第 3 条记录与哈希链不符，记录可能被改动。')).toBeInTheDocument();
  });
});
