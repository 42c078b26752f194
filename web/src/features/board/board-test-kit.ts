import { CASE_COLUMNS, type BoardSnapshot, type CaseCard, type CaseColumn } from '@app/shared';

const HOUR = 3_600_000;
/** The tests' "now": cards are placed in time relative to it. */
export const NOW = Date.parse('2026-11-23T08:00:00.000Z');

let serial = 0;

/** A card taken in `hoursAgo` before NOW; serious and unresolved unless told otherwise. */
export function makeCard(overrides: Partial<CaseCard> & { hoursAgo?: number } = {}): CaseCard {
  serial += 1;
  const { hoursAgo = 1, ...fields } = overrides;
  const createdAt = new Date(NOW - hoursAgo * HOUR).toISOString();
  const number = `CP-20261123-${String(serial).padStart(4, '0')}`;
  return {
    id: `0b0f1f1e-8a6f-4f53-9a55-${String(serial).padStart(12, '0')}`,
    number,
    title: `包裹问题 ${serial}`,
    column: 'intake',
    severity: 'serious',
    category: 'damaged',
    channel: 'phone',
    customerName: '王芳',
    customerCaseCount: 1,
    ownerId: null,
    ownerName: null,
    owningDepartment: 'customer_service',
    createdAt,
    updatedAt: createdAt,
    version: 1,
    waybill: `KD77001230${String(serial).padStart(4, '0')}`,
    watcherIds: [],
    commentCount: 0,
    evidenceCount: 0,
    amount: null,
    slaState: 'ok',
    slaDueAt: new Date(Date.parse(createdAt) + 24 * HOUR).toISOString(),
    firstResponseDueAt: new Date(Date.parse(createdAt) + 2 * HOUR).toISOString(),
    firstRespondedAt: null,
    resolvedAt: null,
    ...fields,
  };
}

/** A board without swimlanes holding `cards`, each in its column in the order given. */
export function makeSnapshot(cards: CaseCard[], options: { seq?: number; more?: Partial<Record<CaseColumn, string>> } = {}): BoardSnapshot {
  const columns = Object.fromEntries(
    CASE_COLUMNS.map((column) => {
      const inColumn = cards.filter((card) => card.column === column);
      const cursor = options.more?.[column] ?? null;
      return [column, { total: inColumn.length + (cursor ? 10 : 0), cards: inColumn, nextCursor: cursor }];
    }),
  ) as BoardSnapshot['lanes'][number]['columns'];
  return { swimlane: 'none', lanes: [{ key: 'all', label: null, columns }], asOf: new Date(NOW).toISOString(), seq: options.seq ?? 100 };
}
