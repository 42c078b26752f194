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

function renderTimeline(
  user = PEOPLE.agent,
  verification: TimelineVerification = { valid: true, events: 4, brokenAtSeq: null, headHash: 'hash-4' },
  history = HISTORY,
) {
  fakeServer({
    [`GET /api/cases/${CASE_ID}/timeline`]: json(200, history),
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

  describe('SLA warnings and breaches, recorded by the system', () => {
    const byTheSystem = (seq: number, type: 'sla.warning' | 'sla.breached', deadline: string): TimelineEntry => ({
      ...entry(seq, type, { deadline, dueAt: '2026-11-23T06:00:00.000Z', severity: 'serious' }),
      actorId: null,
      actorName: null,
    });
    const CROSSINGS = [
      entry(1, 'case.created', { number: 'CP-20261123-0042' }),
      byTheSystem(2, 'sla.warning', 'first_response'),
      byTheSystem(3, 'sla.breached', 'first_response'),
      entry(4, 'case.moved', { from: 'intake', to: 'investigation', kind: 'forward' }),
      byTheSystem(5, 'sla.warning', 'resolution'),
      byTheSystem(6, 'sla.breached', 'resolution'),
    ];
    const headlines = async () => {
      const entries = (await screen.findByText(/CP-20261123-0042/)).closest('ol')!;
      return ([...entries.children] as HTMLElement[]).map((item) => item.querySelector('li')!.textContent);
    };

    it('names the deadline and whether it is near or past, by the system', async () => {
      renderTimeline(PEOPLE.agent, undefined, CROSSINGS);
      expect(await headlines()).toEqual(['解决时限已超时', '解决时限即将超时', '从「受理」提交至「调查核实」', '首次响应已超时', '首次响应即将超时', '受理投诉，编号 CP-20261123-0042']);
      const breach = screen.getByText('解决时限已超时').closest('.timeline__entry');
      expect(breach).toHaveTextContent('系统');
      expect(breach).toHaveTextContent(/时限：2026年11月23日/);
    });

    it('says the same in English', async () => {
      await i18n.changeLanguage('en');
      renderTimeline(PEOPLE.agent, undefined, CROSSINGS);
      expect((await headlines()).slice(0, 2)).toEqual(['Resolution overdue', 'Resolution due soon']);
      expect(screen.getByText('First response overdue').closest('.timeline__entry')).toHaveTextContent('System');
      expect(screen.getByText('First response due soon')).toBeInTheDocument();
    });
  });
});
