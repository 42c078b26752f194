import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CASE_COLUMNS,
  CATEGORIES,
  CHANNELS,
  ROOT_CAUSES,
  SEVERITIES,
  type Category,
  type MonthlyReport,
  type MonthlyReportQuery,
} from '@app/shared';
import { SlaPolicyService } from '../sla/sla-policy.service.js';
import { ReportsRepository, type ReportScope } from './reports.repository.js';

const shareOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Every value of an enumerated dimension, the counted ones in the order counted (most first),
 * then those without a case, so a table always lists the whole vocabulary.
 */
function everyKey<Key extends string>(keys: readonly Key[], counted: { key: string; count: number }[]): { key: Key; count: number }[] {
  const found = counted.filter((row): row is { key: Key; count: number } => (keys as readonly string[]).includes(row.key));
  return [...found, ...keys.filter((key) => !found.some((row) => row.key === key)).map((key) => ({ key, count: 0 }))];
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly slaPolicy: SlaPolicyService,
  ) {}

  /** One repeatable-read snapshot at one instant, so every section counts the same cases. */
  monthly(query: MonthlyReportQuery): Promise<MonthlyReport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const { from, to, asOf } = await this.reports.monthBounds(manager, query.month);
      const scope: ReportScope = { from, to, department: query.department ?? null };
      const policy = await this.slaPolicy.get(manager);
      const totals = await this.reports.totals(manager, scope, policy, asOf);
      const breakdowns = await this.reports.breakdowns(manager, scope);
      const stays = await this.reports.columnTimes(manager, scope);
      const compensation = await this.reports.compensation(manager, scope);
      const repeatComplainers = await this.reports.repeatComplainers(manager, scope);

      const severities = new Map(breakdowns.severity.map((row) => [row.key, row.count]));
      const bySource = everyKey(ROOT_CAUSES, breakdowns.root_cause);
      const compensationTotal = compensation.find((row) => row.category === null);
      return {
        month: query.month,
        department: scope.department,
        from: from.toISOString(),
        to: to.toISOString(),
        asOf: asOf.toISOString(),
        policy,
        cases: totals.cases,
        byCategory: everyKey(CATEGORIES, breakdowns.category),
        byChannel: everyKey(CHANNELS, breakdowns.channel),
        // Severities read best from serious down, whatever their counts.
        bySeverity: SEVERITIES.map((key) => ({ key, count: severities.get(key) ?? 0 })),
        hotSpots: { origins: breakdowns.origin, destinations: breakdowns.destination, locations: breakdowns.location },
        resolution: { ...totals.resolution, share: shareOf(totals.resolution.withinTarget, totals.resolution.judged) },
        columnTimes: CASE_COLUMNS.filter((column) => column !== 'closed').map(
          (column) => stays.find((row) => row.column === column) ?? { column, stays: 0, averageHours: null, stillThere: 0 },
        ),
        compensation: {
          cases: compensationTotal?.cases ?? 0,
          amount: compensationTotal?.amount ?? '0.00',
          byCategory: compensation.flatMap(({ category, cases, amount }) => (category === null ? [] : [{ category: category as Category, cases, amount }])),
        },
        satisfaction: { ...totals.satisfaction, share: shareOf(totals.satisfaction.satisfied, totals.satisfaction.calls) },
        rootCauses: {
          recorded: bySource.reduce((sum, row) => sum + row.count, 0),
          bySource,
          responsibleParties: breakdowns.responsible_party,
        },
        overdue: totals.overdue,
        repeatComplainers,
      };
    });
  }
}
