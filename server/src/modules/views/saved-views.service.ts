import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { boardFiltersSchema, type SavedView, type SavedViewInput } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';

interface ViewRow {
  id: string;
  name: string;
  filters: unknown;
  created_at: Date;
}

const UNIQUE_VIOLATION = '23505';

function toView(row: ViewRow): SavedView {
  // Parsed on the way out as well: a view saved before a filter was renamed must not break the board.
  const filters = boardFiltersSchema.safeParse(row.filters);
  return { id: row.id, name: row.name, filters: filters.success ? filters.data : {}, createdAt: row.created_at.toISOString() };
}

/** A user's named boards. Every query is scoped to the owner: nobody sees, or learns of, anyone else's. */
@Injectable()
export class SavedViewsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string): Promise<SavedView[]> {
    const rows: ViewRow[] = await this.dataSource.query(
      'SELECT id, name, filters, created_at FROM saved_views WHERE user_id = $1 ORDER BY lower(name), created_at',
      [userId],
    );
    return rows.map(toView);
  }

  async create(userId: string, input: SavedViewInput): Promise<SavedView> {
    try {
      const [row]: ViewRow[] = await this.dataSource.query(
        `INSERT INTO saved_views (user_id, name, filters) VALUES ($1, $2, $3)
         RETURNING id, name, filters, created_at`,
        [userId, input.name, input.filters],
      );
      return toView(row);
    } catch (error) {
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) throw new DomainError('VIEW_NAME_TAKEN', 409, { name: input.name });
      throw error;
    }
  }

  async remove(userId: string, id: string): Promise<void> {
    // TypeORM answers a DELETE with [rows, affected row count].
    const [, deleted]: [unknown[], number] = await this.dataSource.query('DELETE FROM saved_views WHERE id = $1 AND user_id = $2', [id, userId]);
    if (deleted === 0) throw new DomainError('VIEW_NOT_FOUND', 404);
  }
}
