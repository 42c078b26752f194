import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, type EscalatedCase } from '@app/shared';
import { i18n } from '../../i18n/i18n.js';
import { EscalationsTable } from './EscalationsTable.js';

const HOUR = 3_600_000;
/** The instant the table is drawn at; every case is placed relative to it. */
const NOW = Date.parse('2026-11-23T06:00:00Z');

function escalated(overrides: Partial<EscalatedCase> & Pick<EscalatedCase, 'number'>): EscalatedCase {
  return {
    id: `0b0f1f1e-8a6f-4f53-9a55-${overrides.number.slice(-4).padStart(12, '0')}`,
    title: '生鲜包裹延误两天',
    column: 'intake',
    severity: 'general',
    customerName: '王芳',
    ownerName: '周杰',
    owningDepartment: 'customer_service',
    createdAt: new Date(NOW - HOUR).toISOString(),
    firstRespondedAt: null,
    resolvedAt: null,
    slaState: 'ok',
    ...overrides,
  };
}

// Important: first response due 8 h after intake, warning from 6 h.
const overdue = escalated({ number: 'CP-20261122-0001', severity: 'important', createdAt: new Date(NOW - 10 * HOUR).toISOString(), slaState: 'breached' });
const dueSoon = escalated({
  number: 'CP-20261122-0002',
  owningDepartment: 'quality',
  ownerName: null,
  column: 'investigation',
  // General: resolution due 72 h after intake, once the first response is given.
  createdAt: new Date(NOW - 71.5 * HOUR).toISOString(),
  firstRespondedAt: new Date(NOW - 70 * HOUR).toISOString(),
  slaState: 'warning',
});
const serious = escalated({ number: 'CP-20261123-0003', severity: 'serious', createdAt: new Date(NOW - 0.5 * HOUR).toISOString() });

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname} ${JSON.stringify(location.state)}`}</output>;
}

function renderTable(now = NOW, cases = [overdue, dueSoon, serious]) {
  const view = (at: number) => (
    <MemoryRouter initialEntries={['/escalations?department=quality']}>
      <EscalationsTable cases={cases} policy={DEFAULT_SLA_POLICY} now={at} returnTo="/escalations?department=quality" />
      <Location />
    </MemoryRouter>
  );
  const { rerender } = render(view(now));
  return { redrawAt: (at: number) => rerender(view(at)) };
}

const rowOf = (number: string) => screen.getByRole('rowheader', { name: number }).closest('tr')!;

describe('the escalation table', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('is a table with column headers and one row per case, in the order given', () => {
    renderTable();
    const table = screen.getByRole('table', { name: '升级案件（3 件），最紧急的在前' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      '编号',
      '标题',
      '客户',
      '严重等级',
      '部门',
      '负责人',
      '当前环节',
      'SLA',
    ]);
    expect(within(table).getAllByRole('rowheader').map((header) => header.textContent)).toEqual([overdue.number, dueSoon.number, serious.number]);
    expect(within(rowOf(dueSoon.number)).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '生鲜包裹延误两天',
      '王芳',
      '一般',
      '质量监控部',
      '未分配',
      '调查核实',
      '即将超时 解决剩余 30分钟',
    ]);
  });

  it('says how long a breached case is overdue, how long the others have left, and against which deadline', () => {
    renderTable();
    expect(rowOf(overdue.number)).toHaveAttribute('data-sla', 'breached');
    expect(within(rowOf(overdue.number)).getByText('首次响应已超时 2小时')).toBeInTheDocument();
    expect(within(rowOf(dueSoon.number)).getByText('解决剩余 30分钟')).toBeInTheDocument();
    expect(rowOf(serious.number)).toHaveAttribute('data-sla', 'ok');
    expect(within(rowOf(serious.number)).getByText('首次响应剩余 1小时30分钟')).toBeInTheDocument();
  });

  it('counts on as the clock moves: a case due soon turns breached, a serious case turns to warning', () => {
    const table = renderTable();
    table.redrawAt(NOW + HOUR);
    expect(rowOf(dueSoon.number)).toHaveAttribute('data-sla', 'breached');
    expect(within(rowOf(dueSoon.number)).getByText('解决已超时 30分钟')).toBeInTheDocument();
    expect(rowOf(serious.number)).toHaveAttribute('data-sla', 'warning');
    expect(within(rowOf(serious.number)).getByText('首次响应剩余 30分钟')).toBeInTheDocument();
    expect(within(rowOf(overdue.number)).getByText('首次响应已超时 3小时')).toBeInTheDocument();
  });

  it('speaks English with English time units', async () => {
    await i18n.changeLanguage('en');
    renderTable();
    expect(screen.getByRole('table', { name: 'Escalated cases (3), most urgent first' })).toBeInTheDocument();
    expect(within(rowOf(overdue.number)).getByText('First response overdue by 2h')).toBeInTheDocument();
    expect(within(rowOf(overdue.number)).getByText('Breached')).toBeInTheDocument();
  });

  it('opens the case drawer from the link or anywhere on the row, to come back to this view', () => {
    renderTable();
    expect(screen.getByRole('link', { name: overdue.number })).toHaveAttribute('href', `/cases/${overdue.number}`);
    fireEvent.click(within(rowOf(dueSoon.number)).getByText('王芳'));
    expect(screen.getByTestId('location')).toHaveTextContent(`/cases/${dueSoon.number} {"returnTo":"/escalations?department=quality"}`);
  });

  it('says so when nothing needs escalating', () => {
    renderTable(NOW, []);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText('目前没有需要升级的案件。')).toBeInTheDocument();
  });
});
