import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canEditSection,
  CASE_NUMBER_PATTERN,
  claimSchema,
  compensationSchema,
  correctiveActionSchema,
  customerInputSchema,
  factsSchema,
  followUpSchema,
  INTAKE_ROLES,
  investigationSchema,
  SECTION_OF_FIELD,
  shipmentSchema,
  type CaseCard,
  type CaseColumn,
  type CaseDetail,
  type CreateCaseInput,
  type EditableField,
  type UpdateCaseInput,
} from '@app/shared';
import { z } from 'zod';
import { DomainError } from '../../common/errors/domain-error.js';
import { BoardService } from '../board/board.service.js';
import { parseInput } from '../../common/validation/zod-validation.pipe.js';
import { CustomersService } from '../customers/customers.service.js';
import { TimelineService } from '../timeline/timeline.service.js';
import type { ChangeContext } from './case-context.js';
import { CaseEntity } from './case.entity.js';
import { caseDetailSql } from './case-detail.sql.js';
import { toCaseDetail, type CaseDetailRow } from './case.mapper.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What intake shows of an open case on the same waybill. */
export interface OpenCaseSummary {
  id: string;
  number: string;
  title: string;
  column: CaseColumn;
  customerName: string;
  createdAt: string;
}

interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timeline: TimelineService,
    private readonly customers: CustomersService,
    private readonly board: BoardService,
  ) {}

  /** The board's cards without filters, from the board's own query. */
  listCards(): Promise<CaseCard[]> {
    return this.board.allCards();
  }

  /**
   * Cases still open for this waybill, so intake can warn before a second case is opened for the
   * same parcel. Matched case-insensitively: agents type waybills as the customer reads them out.
   */
  async openByWaybill(waybill: string): Promise<OpenCaseSummary[]> {
    const rows: { id: string; number: string; title: string; board_column: CaseColumn; customer_name: string; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT c.id, c.number, c.title, c.board_column, cu.name AS customer_name, c.created_at
         FROM cases c
         JOIN customers cu ON cu.id = c.customer_id
         WHERE upper(c.waybill) = upper($1) AND c.board_column <> 'closed'
         ORDER BY c.created_at DESC`,
        [waybill],
      );
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      title: row.title,
      column: row.board_column,
      customerName: row.customer_name,
      createdAt: row.created_at.toISOString(),
    }));
  }

  get(idOrNumber: string): Promise<CaseDetail> {
    return this.selectDetail(this.dataSource.manager, idOrNumber, false);
  }

  /** A case id from a uuid or a case number; unknown or malformed ids are a 404, never a 500. */
  async resolveId(idOrNumber: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row]: { id: string }[] = await manager.query(`SELECT id FROM cases WHERE ${keyColumnOf(idOrNumber)} = $1`, [idOrNumber]);
    if (!row) throw new DomainError('CASE_NOT_FOUND', 404);
    return row.id;
  }

  async create(input: CreateCaseInput, context: ChangeContext): Promise<CaseDetail> {
    if (!INTAKE_ROLES.includes(context.user.role)) throw new DomainError('FORBIDDEN', 403);
    return this.timeline.inTransaction({ actor: context.user, requestId: context.requestId }, async (manager, record) => {
      const ownerId = input.ownerId === undefined ? context.user.id : input.ownerId;
      const watcherIds = [...new Set(input.watcherIds ?? [])];
      await assertUsersExist(manager, [ownerId, ...watcherIds]);
      const customer = await this.customers.upsertByPhone(manager, input.customer);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO cases (number, title, channel, category, severity, customer_id, waybill, order_number,
                            origin, destination, declared_value, facts, claim, owner_id, owning_department,
                            watcher_ids, created_by)
         VALUES (next_case_number(now()), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         RETURNING id`,
        [
          input.title,
          input.channel,
          input.category,
          input.severity,
          customer.id,
          input.shipment.waybill,
          input.shipment.orderNumber ?? null,
          input.shipment.origin,
          input.shipment.destination,
          input.shipment.declaredValue ?? null,
          input.facts,
          input.claim,
          ownerId,
          input.owningDepartment ?? 'customer_service',
          watcherIds,
          context.user.id,
        ],
      );
      const created = await this.loadDetail(manager, id);
      record({
        caseId: id,
        type: 'case.created',
        data: {
          number: created.number,
          title: created.title,
          column: created.column,
          severity: created.severity,
          category: created.category,
          channel: created.channel,
          customerId: created.customer.id,
          waybill: created.shipment.waybill,
        },
      });
      return created;
    });
  }

  /**
   * An edit at the version the editor saw. Each touched section is checked against the role and
   * the case's column; sections merge field by field, and the timeline records before and after.
   */
  async update(idOrNumber: string, input: UpdateCaseInput, context: ChangeContext): Promise<CaseDetail> {
    return this.timeline.inTransaction({ actor: context.user, requestId: context.requestId }, async (manager, record) => {
      const current = await this.lockForChange(manager, idOrNumber, input.version);
      const id = current.id;
      const { version: _seen, ...edits } = input;
      const fields = (Object.keys(edits) as EditableField[]).filter((field) => edits[field] !== undefined);
      for (const field of fields) {
        const check = canEditSection(context.user.role, SECTION_OF_FIELD[field], current.column);
        if (!check.ok) {
          const status = check.reason === 'ROLE_NOT_ALLOWED' ? 403 : 422;
          throw new DomainError(check.reason === 'ROLE_NOT_ALLOWED' ? 'FORBIDDEN' : 'SECTION_NOT_EDITABLE', status, {
            field,
            section: SECTION_OF_FIELD[field],
            column: current.column,
          });
        }
      }

      const next = mergeEdits(current, edits);
      const changes = diff(current, next);
      if (changes.length === 0) return current;

      const amountChanged =
        (current.compensation.amount ?? null) !== (next.compensation.amount ?? null) ||
        JSON.stringify(current.compensation.remedies ?? []) !== JSON.stringify(next.compensation.remedies ?? []);
      let voidedApprovals = 0;
      if (amountChanged) {
        // Four eyes: an approval is for an amount; a new amount needs new approvals.
        // TypeORM answers an UPDATE with [rows, row count].
        const [voided]: [unknown[], number] = await manager.query(
          `UPDATE case_approvals SET voided_at = now() WHERE case_id = $1 AND voided_at IS NULL RETURNING id`,
          [id],
        );
        voidedApprovals = voided.length;
      }
      if (edits.ownerId !== undefined || edits.watcherIds !== undefined) {
        await assertUsersExist(manager, [next.ownerId, ...next.watcherIds]);
      }
      if (edits.correctiveAction?.preventiveOwnerId) {
        await assertUsersExist(manager, [edits.correctiveAction.preventiveOwnerId]);
      }
      const customerId =
        edits.customer === undefined ? current.customer.id : (await this.customers.upsertByPhone(manager, next.customer)).id;

      await manager.update(CaseEntity, id, {
        title: next.title,
        channel: next.channel,
        category: next.category,
        severity: next.severity,
        customerId,
        waybill: next.shipment.waybill,
        orderNumber: next.shipment.orderNumber ?? null,
        origin: next.shipment.origin,
        destination: next.shipment.destination,
        declaredValue: next.shipment.declaredValue ?? null,
        facts: next.facts,
        claim: next.claim,
        investigation: next.investigation,
        compensation: { remedies: next.compensation.remedies, amount: next.compensation.amount, customerAgreed: next.compensation.customerAgreed },
        compensationProposedBy: amountChanged ? context.user.id : current.compensation.proposedBy ?? null,
        correctiveAction: next.correctiveAction,
        followUp: next.followUp,
        ownerId: next.ownerId,
        owningDepartment: next.owningDepartment,
        watcherIds: next.watcherIds,
        version: current.version + 1,
        updatedAt: new Date(),
      });
      const updated = await this.loadDetail(manager, id);
      record({
        caseId: id,
        type: 'case.updated',
        data: { changes, version: updated.version, ...(voidedApprovals ? { voidedApprovals } : {}) },
      });
      return updated;
    });
  }

  /**
   * Locks the case row for the rest of the transaction and checks the version the client saw.
   * Concurrent writers queue on the lock; all but the first then see a newer version and get 409.
   */
  async lockForChange(manager: EntityManager, idOrNumber: string, seenVersion: number): Promise<CaseDetail> {
    const current = await this.lock(manager, idOrNumber);
    if (current.version !== seenVersion) throw new DomainError('VERSION_CONFLICT', 409, { current });
    return current;
  }

  /** The case, locked for the rest of the transaction; concurrent writers queue here. */
  lock(manager: EntityManager, idOrNumber: string): Promise<CaseDetail> {
    return this.selectDetail(manager, idOrNumber, true);
  }

  loadDetail(manager: EntityManager, id: string): Promise<CaseDetail> {
    return this.selectDetail(manager, id, false);
  }

  private async selectDetail(manager: EntityManager, idOrNumber: string, forUpdate: boolean): Promise<CaseDetail> {
    const [row]: CaseDetailRow[] = await manager.query(caseDetailSql(keyColumnOf(idOrNumber), forUpdate), [idOrNumber]);
    if (!row) throw new DomainError('CASE_NOT_FOUND', 404);
    // It waited for another writer's lock: PostgreSQL handed it the case row as that writer left
    // it, but the approvals and customer as they were before. Read them again, now under the lock.
    if (row.changed_while_locking) return this.selectDetail(manager, row.id, false);
    return toCaseDetail(row);
  }
}

/** Which column a case reference names; anything that is neither a uuid nor a case number is a 404 before any query. */
function keyColumnOf(idOrNumber: string): 'id' | 'number' {
  if (UUID.test(idOrNumber)) return 'id';
  if (CASE_NUMBER_PATTERN.test(idOrNumber)) return 'number';
  throw new DomainError('CASE_NOT_FOUND', 404);
}

type EditableCase = Pick<
  CaseDetail,
  | 'title'
  | 'channel'
  | 'category'
  | 'severity'
  | 'customer'
  | 'shipment'
  | 'facts'
  | 'claim'
  | 'investigation'
  | 'compensation'
  | 'correctiveAction'
  | 'followUp'
  | 'ownerId'
  | 'owningDepartment'
  | 'watcherIds'
>;

/** Sections merge field by field; the merged section must still be whole (e.g. a shipment keeps its waybill). */
function mergeEdits(current: CaseDetail, edits: Omit<UpdateCaseInput, 'version'>): EditableCase {
  const merge = <S extends z.ZodType>(schema: S, section: string, before: object, patch: object | undefined) =>
    patch === undefined ? before : parseInput(schema, { ...before, ...patch }, section);
  const { proposedBy: _proposedBy, ...compensation } = current.compensation;
  const { id: _customerId, ...customer } = current.customer;
  return {
    title: edits.title ?? current.title,
    channel: edits.channel ?? current.channel,
    category: edits.category ?? current.category,
    severity: edits.severity ?? current.severity,
    customer: merge(customerInputSchema, 'customer', customer, edits.customer) as CaseDetail['customer'],
    shipment: merge(shipmentSchema, 'shipment', current.shipment, edits.shipment) as CaseDetail['shipment'],
    facts: merge(factsSchema, 'facts', current.facts, edits.facts) as CaseDetail['facts'],
    claim: merge(claimSchema, 'claim', current.claim, edits.claim) as CaseDetail['claim'],
    investigation: merge(investigationSchema, 'investigation', current.investigation, edits.investigation) as CaseDetail['investigation'],
    compensation: merge(compensationSchema, 'compensation', compensation, edits.compensation) as CaseDetail['compensation'],
    correctiveAction: merge(correctiveActionSchema, 'correctiveAction', current.correctiveAction, edits.correctiveAction) as CaseDetail['correctiveAction'],
    followUp: merge(followUpSchema, 'followUp', current.followUp, edits.followUp) as CaseDetail['followUp'],
    ownerId: edits.ownerId === undefined ? current.ownerId : edits.ownerId,
    owningDepartment: edits.owningDepartment ?? current.owningDepartment,
    watcherIds: edits.watcherIds === undefined ? current.watcherIds : [...new Set(edits.watcherIds)],
  };
}

const SECTIONS_DIFFED_BY_FIELD = new Set([
  'customer',
  'shipment',
  'facts',
  'claim',
  'investigation',
  'compensation',
  'correctiveAction',
  'followUp',
]);

/** Changed fields as dotted paths (`investigation.verdict`) with before and after values. */
function diff(current: CaseDetail, next: EditableCase): FieldChange[] {
  const changes: FieldChange[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const [field, after] of Object.entries(next)) {
    const before = (current as unknown as Record<string, unknown>)[field];
    if (SECTIONS_DIFFED_BY_FIELD.has(field)) {
      const beforeSection = (before ?? {}) as Record<string, unknown>;
      const afterSection = after as Record<string, unknown>;
      for (const key of new Set([...Object.keys(beforeSection), ...Object.keys(afterSection)])) {
        if (key === 'id' || key === 'proposedBy') continue;
        if (!same(beforeSection[key], afterSection[key])) {
          changes.push({ field: `${field}.${key}`, before: beforeSection[key] ?? null, after: afterSection[key] ?? null });
        }
      }
    } else if (!same(before, after)) {
      changes.push({ field, before: before ?? null, after: after ?? null });
    }
  }
  return changes;
}

async function assertUsersExist(manager: EntityManager, ids: (string | null | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (wanted.length === 0) return;
  const rows: { id: string }[] = await manager.query('SELECT id FROM users WHERE id = ANY($1::uuid[])', [wanted]);
  const found = new Set(rows.map((row) => row.id));
  const unknown = wanted.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 422, unknown.map((id) => ({ path: 'userId', message: `unknown user ${id}` })));
  }
}
