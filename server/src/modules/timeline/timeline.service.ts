import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseEventType, TimelineEntry, TimelineVerification } from '@app/shared';
import { CaseEventsBus } from './case-events.bus.js';

export interface NewCaseEvent {
  caseId: string;
  type: CaseEventType;
  data: Record<string, unknown>;
}

export interface Actor {
  id: string;
}

interface EventRow {
  seq: string;
  case_id: string;
  type: CaseEventType;
  actor_id: string | null;
  actor_name: string | null;
  request_id: string | null;
  occurred_at: Date;
  data: Record<string, unknown>;
  prev_hash: string | null;
  hash: string;
}

/**
 * Arbitrary constant. Every transaction that writes events takes this lock just before inserting
 * them and holds it to commit, so the global sequence is allocated in commit order: a client that
 * has seen seq N has seen everything before N.
 */
const EVENT_ORDER_LOCK_KEY = 7_301_202_612;

export type RecordEvent = (event: NewCaseEvent) => void;

@Injectable()
export class TimelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: CaseEventsBus,
  ) {}

  /**
   * Runs `work` in one transaction; the events it records are appended last, in the same
   * transaction, and published only once it has committed.
   */
  async inTransaction<T>(
    context: { actor: Actor | null; requestId: string | null },
    work: (manager: EntityManager, record: RecordEvent) => Promise<T>,
  ): Promise<T> {
    let appended: TimelineEntry[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const pending: NewCaseEvent[] = [];
      const value = await work(manager, (event) => pending.push(event));
      appended = await this.append(manager, pending, context);
      return value;
    });
    this.bus.publishCommitted(appended);
    return result;
  }

  private async append(
    manager: EntityManager,
    events: NewCaseEvent[],
    context: { actor: Actor | null; requestId: string | null },
  ): Promise<TimelineEntry[]> {
    const entries: TimelineEntry[] = [];
    for (const event of events) {
      // The lock in the insert's own statement, a round trip fewer: the row is built from
      // `ordered`, so its seq is drawn only once the lock is held (a holder may take it again).
      const [row]: EventRow[] = await manager.query(
        `WITH ordered AS MATERIALIZED (SELECT pg_advisory_xact_lock($6)),
         inserted AS (
           INSERT INTO case_events (case_id, type, actor_id, request_id, data)
           SELECT $1::uuid, $2, $3::uuid, $4, $5::jsonb FROM ordered RETURNING *
         )
         SELECT inserted.*, users.display_name AS actor_name
         FROM inserted LEFT JOIN users ON users.id = inserted.actor_id`,
        [event.caseId, event.type, context.actor?.id ?? null, context.requestId, event.data, EVENT_ORDER_LOCK_KEY],
      );
      entries.push(toEntry(row));
    }
    return entries;
  }

  async list(caseId: string): Promise<TimelineEntry[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.*, u.display_name AS actor_name
       FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.case_id = $1 ORDER BY e.seq`,
      [caseId],
    );
    return rows.map(toEntry);
  }

  /** Events after `seq`, across all cases, for clients catching up after a disconnect. */
  async since(seq: number, limit: number): Promise<TimelineEntry[]> {
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.*, u.display_name AS actor_name
       FROM case_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
      [seq, limit],
    );
    return rows.map(toEntry);
  }

  /** Recomputes every link of the case's chain in the database, with the same digest that wrote it. */
  async verify(caseId: string): Promise<TimelineVerification> {
    const rows: { seq: string; hash: string; intact: boolean }[] = await this.dataSource.query(
      `SELECT seq, hash,
              prev_hash IS NOT DISTINCT FROM lag(hash) OVER chain
              AND hash = case_event_digest(lag(hash) OVER chain, case_id, type, actor_id, occurred_at, data) AS intact
       FROM case_events WHERE case_id = $1
       WINDOW chain AS (ORDER BY seq)
       ORDER BY seq`,
      [caseId],
    );
    const broken = rows.find((row) => !row.intact);
    return {
      valid: !broken,
      events: rows.length,
      brokenAtSeq: broken ? Number(broken.seq) : null,
      headHash: rows.at(-1)?.hash ?? null,
    };
  }
}

function toEntry(row: EventRow): TimelineEntry {
  return {
    seq: Number(row.seq),
    caseId: row.case_id,
    type: row.type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    requestId: row.request_id,
    occurredAt: row.occurred_at.toISOString(),
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
