import {
  DOMAIN_VOCABULARY,
  RESOLUTION_TARGET_HOURS,
  RESOLUTION_TARGET_SHARE,
  SATISFACTION_TARGET_SHARE,
  type MonthlyReport,
} from '@app/shared';

/** Excel reads a CSV as the system's code page (GBK in China) unless a byte-order mark says UTF-8. */
const UTF8_BOM = '\uFEFF';
const words = DOMAIN_VOCABULARY['zh-CN'];

type Cell = string | number | null;
type Table = { title: string; header: Cell[]; rows: Cell[][] };

/**
 * One cell: quoted when it holds a separator, a quote or a line break. Free text (a customer's
 * name, a responsible party) that starts like a formula is defused with an apostrophe, so a
 * spreadsheet shows it rather than runs it.
 */
function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const percent = (share: number | null): Cell => (share === null ? null : (share * 100).toFixed(1));
const partOf = (count: number, whole: number): Cell => percent(whole === 0 ? null : count / whole);

/** `2026-11-30 16:05`, Beijing time. */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The month's last day: `to` is midnight starting the next month, so the minute before it. */
function beijingDay(iso: string, minusMs = 0): string {
  return beijingTime(new Date(Date.parse(iso) - minusMs).toISOString()).slice(0, 10);
}

function tables(report: MonthlyReport): Table[] {
  const total = report.cases;
  const shareTable = (title: string, heading: string, rows: { label: string; count: number }[]): Table => ({
    title,
    header: [heading, '件数', '占比（%）'],
    rows: rows.map(({ label, count }) => [label, count, partOf(count, total)]),
  });
  return [
    {
      title: '关键指标',
      header: ['指标', '数值', '目标'],
      rows: [
        ['受理投诉（件）', total, null],
        [`${RESOLUTION_TARGET_HOURS} 小时内解决率（%）`, percent(report.resolution.share), percent(RESOLUTION_TARGET_SHARE)],
        ['回访满意率（%）', percent(report.satisfaction.share), percent(SATISFACTION_TARGET_SHARE)],
        ['已批准赔偿金额（元）', report.compensation.amount, null],
      ],
    },
    shareTable('按投诉类别', '投诉类别', report.byCategory.map(({ key, count }) => ({ label: words.category[key], count }))),
    shareTable('按投诉渠道', '投诉渠道', report.byChannel.map(({ key, count }) => ({ label: words.channel[key], count }))),
    shareTable('按严重等级', '严重等级', report.bySeverity.map(({ key, count }) => ({ label: words.severity[key], count }))),
    shareTable('热点始发网点（前 10）', '始发网点', report.hotSpots.origins.map(({ key, count }) => ({ label: key, count }))),
    shareTable('热点目的网点（前 10）', '目的网点', report.hotSpots.destinations.map(({ key, count }) => ({ label: key, count }))),
    shareTable('热点发生地点（前 10）', '发生地点', report.hotSpots.locations.map(({ key, count }) => ({ label: key, count }))),
    {
      title: `${RESOLUTION_TARGET_HOURS} 小时内解决`,
      header: ['按时解决（件）', '可评判（已解决或已超过时限，件）', '解决率（%）', '目标（%）'],
      rows: [[report.resolution.withinTarget, report.resolution.judged, percent(report.resolution.share), percent(RESOLUTION_TARGET_SHARE)]],
    },
    {
      title: '各环节平均停留时长',
      header: ['环节', '离开次数', '平均停留（小时）', '仍在该环节（件）'],
      rows: report.columnTimes.map(({ column, stays, averageHours, stillThere }) => [words.column[column], stays, averageHours, stillThere]),
    },
    {
      title: '已批准赔偿（按投诉类别）',
      header: ['投诉类别', '件数', '金额（元）'],
      rows: [
        ...report.compensation.byCategory.map(({ category, cases, amount }) => [words.category[category], cases, amount]),
        ['合计', report.compensation.cases, report.compensation.amount],
      ],
    },
    {
      title: '回访满意度',
      header: ['回访次数', '满意（次）', '满意率（%）', '目标（%）', '平均评分（1-5）'],
      rows: [
        [
          report.satisfaction.calls,
          report.satisfaction.satisfied,
          percent(report.satisfaction.share),
          percent(SATISFACTION_TARGET_SHARE),
          report.satisfaction.averageScore,
        ],
      ],
    },
    {
      title: '原因来源',
      header: ['原因来源', '件数', '占已查明原因（%）'],
      rows: report.rootCauses.bySource.map(({ key, count }) => [words.rootCause[key], count, partOf(count, report.rootCauses.recorded)]),
    },
    {
      title: '责任方（前 10）',
      header: ['责任方', '件数'],
      rows: report.rootCauses.responsibleParties.map(({ key, count }) => [key, count]),
    },
    {
      title: '超时与升级',
      header: ['项目', '件数'],
      rows: [
        ['未解决且已超时', report.overdue.breached],
        ['超时解决', report.overdue.resolvedLate],
        [words.channel.management, report.overdue.escalatedByManagement],
        [words.channel.regulator, report.overdue.fromRegulator],
      ],
    },
    {
      title: `重复投诉客户（本月 ${report.repeatComplainers.customers} 位，共 ${report.repeatComplainers.cases} 件，前 10）`,
      header: ['客户', '公司', '电话', '本月投诉（件）', '累计投诉（件）'],
      rows: report.repeatComplainers.top.map(({ name, company, phone, cases, allCases }) => [name, company, phone, cases, allCases]),
    },
  ];
}

/** The report as a spreadsheet: a heading, then one block per table, each with its title and zh-CN column headers. */
export function monthlyReportCsv(report: MonthlyReport): string {
  const lines: Cell[][] = [
    ['投诉月报', report.month],
    ['部门', report.department ? words.department[report.department] : '全部部门'],
    ['统计范围', `${beijingDay(report.from)} 至 ${beijingDay(report.to, 1)} 受理的投诉（北京时间）`],
    ['数据截至', beijingTime(report.asOf)],
  ];
  for (const table of tables(report)) lines.push([], [table.title], table.header, ...table.rows);
  return UTF8_BOM + lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** `complaint-report-2026-11.csv`, and the Chinese name for browsers that read `filename*`. */
export function monthlyReportFilename(report: MonthlyReport): { ascii: string; chinese: string } {
  const department = report.department ? `-${report.department}` : '';
  const chineseDepartment = report.department ? `-${words.department[report.department]}` : '';
  return { ascii: `complaint-report-${report.month}${department}.csv`, chinese: `投诉月报-${report.month}${chineseDepartment}.csv` };
}
