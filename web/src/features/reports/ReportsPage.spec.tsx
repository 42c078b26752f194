import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CATEGORIES, CHANNELS, DEFAULT_SLA_POLICY, monthlyReportSchema, ROOT_CAUSES, type MonthlyReport } from '@app/shared';
import { i18n } from '../../i18n/i18n.js';
import { ReportsPage } from './ReportsPage.js';

const zeroes = <Key extends string>(keys: readonly Key[]) => keys.map((key) => ({ key, count: 0 }));

const november: MonthlyReport = monthlyReportSchema.parse({
  month: '2026-11',
  department: null,
  from: '2026-10-31T16:00:00.000Z',
  to: '2026-11-30T16:00:00.000Z',
  asOf: '2026-12-02T04:00:00.000Z',
  policy: DEFAULT_SLA_POLICY,
  cases: 2839,
  byCategory: [{ key: 'delay', count: 785 }, { key: 'damaged', count: 471 }, ...zeroes(CATEGORIES.filter((key) => key !== 'delay' && key !== 'damaged'))],
  byChannel: [{ key: 'phone', count: 1088 }, ...zeroes(CHANNELS.filter((key) => key !== 'phone'))],
  bySeverity: [
    { key: 'serious', count: 401 },
    { key: 'important', count: 1100 },
    { key: 'general', count: 1338 },
  ],
  hotSpots: {
    origins: [{ key: '义乌国际商贸城营业部', count: 171 }],
    destinations: [{ key: '郑州金水营业部', count: 112 }],
    locations: [{ key: '上海青浦分拨中心', count: 260 }],
  },
  resolution: { withinTarget: 2592, judged: 2819, share: 2592 / 2819 },
  columnTimes: [
    { column: 'intake', stays: 2827, averageHours: 1.25, stillThere: 12 },
    { column: 'investigation', stays: 2846, averageHours: 10.09, stillThere: 15 },
    { column: 'compensation', stays: 1820, averageHours: 7.92, stillThere: 15 },
    { column: 'corrective_action', stays: 2289, averageHours: 26.5, stillThere: 20 },
    { column: 'follow_up', stays: 2803, averageHours: 6.01, stillThere: 30 },
  ],
  compensation: {
    cases: 1495,
    amount: '1275756.05',
    byCategory: [
      { category: 'lost', cases: 219, amount: '549740.00' },
      { category: 'damaged', cases: 1276, amount: '726016.05' },
    ],
  },
  satisfaction: { calls: 2803, satisfied: 2747, share: 2747 / 2803, averageScore: 4.03 },
  rootCauses: {
    recorded: 1780,
    bySource: [{ key: 'staff_operation', count: 1257 }, { key: 'agent', count: 523 }, ...zeroes(ROOT_CAUSES.filter((key) => key !== 'staff_operation' && key !== 'agent'))],
    responsibleParties: [{ key: '广州白云转运中心 装车组', count: 34 }],
  },
  overdue: { breached: 53, resolvedLate: 106, escalatedByManagement: 68, fromRegulator: 86 },
  repeatComplainers: {
    customers: 189,
    cases: 611,
    top: [{ customerId: '7e4ae386-32b1-42e4-ae83-80872882901a', name: '李飞', company: '成都云朵电子商务有限公司', phone: '199****8426', cases: 5, allCases: 6 }],
  },
});

function stubApi(body: unknown, status = 200) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  return asked;
}

const renderPage = (url: string) =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <ReportsPage />
    </MemoryRouter>,
  );

/** The cells of a table's rows, as text, header row first. */
const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('the monthly report page', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    await act(() => i18n.changeLanguage('zh-CN'));
  });

  it('asks for the month in the URL and shows the key figures against their targets, in words', async () => {
    const asked = stubApi(november);
    renderPage('/reports?month=2026-11');
    const figures = await screen.findByRole('region', { name: '关键指标' });
    expect(asked).toEqual(['/api/reports/monthly?month=2026-11']);
    expect(within(figures).getByText('2,839 件')).toBeInTheDocument();
    expect(within(figures).getByText('91.9%')).toBeInTheDocument();
    expect(within(figures).getByText('目标 95.0% · 未达标')).toBeInTheDocument();
    expect(within(figures).getByText('98.0%')).toBeInTheDocument();
    expect(within(figures).getByText('目标 90.0% · 已达标')).toBeInTheDocument();
    expect(within(figures).getByText('¥1,275,756.05')).toBeInTheDocument();
  });

  it('lays every section out as a captioned table with its numbers in text', async () => {
    stubApi(november);
    renderPage('/reports?month=2026-11');
    const categories = await screen.findByRole('table', { name: '按投诉类别' });
    expect(cells(categories).slice(0, 3)).toEqual([
      ['投诉类别', '件数', '占比'],
      ['延误', '785', '27.7%'],
      ['破损', '471', '16.6%'],
    ]);
    expect(cells(screen.getByRole('table', { name: '发生地点' }))[1]).toEqual(['上海青浦分拨中心', '260', '9.2%']);
    expect(cells(screen.getByRole('table', { name: '各环节平均停留时长' }))[4]).toEqual(['整改', '1天2小时', '2,289', '20']);
    expect(cells(screen.getByRole('table', { name: '已批准赔偿（按投诉类别，审批链已完成且未作废）' })).at(-1)).toEqual(['合计', '1,495', '¥1,275,756.05']);
    expect(cells(screen.getByRole('table', { name: '原因来源（已查明原因 1780 件）' }))[1]).toEqual(['员工操作失误', '1,257', '70.6%']);
    expect(cells(screen.getByRole('table', { name: '超时与升级' })).slice(1)).toEqual([
      ['未解决且已超时', '53'],
      ['超时解决', '106'],
      ['上级转办', '68'],
      ['邮政管理局', '86'],
    ]);
    expect(cells(screen.getByRole('table', { name: '重复投诉客户：本月 189 位，共 611 件（前 10）' }))[1]).toEqual([
      '李飞',
      '成都云朵电子商务有限公司',
      '199****8426',
      '5',
      '6',
    ]);
  });

  it('links the CSV of the same month and department', async () => {
    stubApi(november);
    renderPage('/reports?month=2026-11&department=quality');
    expect(await screen.findByRole('link', { name: '导出 CSV' })).toHaveAttribute('href', '/api/reports/monthly.csv?month=2026-11&department=quality');
  });

  it('moves a month back and forth from the keyboard', async () => {
    const asked = stubApi(november);
    const user = userEvent.setup();
    renderPage('/reports?month=2026-01');
    await screen.findByRole('region', { name: '关键指标' });
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('月份')).toHaveValue('2025-12');
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('月份')).toHaveValue('2026-01');
    expect(asked).toEqual(['/api/reports/monthly?month=2026-01', '/api/reports/monthly?month=2025-12', '/api/reports/monthly?month=2026-01']);
  });

  it('formats by the chosen language', async () => {
    stubApi(november);
    await act(() => i18n.changeLanguage('en'));
    renderPage('/reports?month=2026-11');
    const figures = await screen.findByRole('region', { name: 'Key figures' });
    expect(within(figures).getByText('target 95.0% · missed')).toBeInTheDocument();
    expect(cells(screen.getByRole('table', { name: 'By category' }))[1]).toEqual(['Delay', '785', '27.7%']);
  });

  it('shows the refusal of a role that may not read it', async () => {
    stubApi({ code: 'FORBIDDEN', message: '无权访问', messages: { 'zh-CN': '无权访问', en: 'Forbidden' } }, 403);
    renderPage('/reports');
    expect(await screen.findByRole('alert')).toHaveTextContent('报表加载失败：无权访问');
  });
});
