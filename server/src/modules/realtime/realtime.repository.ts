import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The little the realtime layer reads from PostgreSQL itself; missed events come from TimelineService. */
@Injectable()
export class RealtimeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async headSeq(): Promise<number> {
    const [row]: { head: string }[] = await this.dataSource.query('SELECT coalesce(max(seq), 0) AS head FROM case_events');
    return Number(row.head);
  }

  async caseExists(caseId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM cases WHERE id = $1', [caseId]);
    return rows.length > 0;
  }
}
