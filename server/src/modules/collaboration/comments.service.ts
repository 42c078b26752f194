import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseComment, CommentInput } from '@app/shared';
import { CasesService } from '../cases/cases.service.js';
import type { ChangeContext } from '../cases/case-context.js';
import { TimelineService } from '../timeline/timeline.service.js';
import { mentionedUsernames } from './mentions.js';

interface CommentRow {
  id: string;
  case_id: string;
  author_id: string;
  author_name: string;
  body: string;
  mentions: string[];
  created_at: Date;
}

@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly timeline: TimelineService,
  ) {}

  async list(idOrNumber: string): Promise<CaseComment[]> {
    const caseId = await this.cases.resolveId(idOrNumber);
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT c.*, u.display_name AS author_name
       FROM case_comments c JOIN users u ON u.id = c.author_id
       WHERE c.case_id = $1 ORDER BY c.created_at, c.id`,
      [caseId],
    );
    return rows.map(toComment);
  }

  /** Closed cases take comments too: after-sales notes belong on the case they are about. */
  async add(idOrNumber: string, input: CommentInput, context: ChangeContext): Promise<CaseComment> {
    return this.timeline.inTransaction({ actor: context.user, requestId: context.requestId }, async (manager, record) => {
      const caseId = await this.cases.resolveId(idOrNumber, manager);
      const mentions = await resolveMentions(manager, mentionedUsernames(input.body));
      const [row]: CommentRow[] = await manager.query(
        `WITH inserted AS (
           INSERT INTO case_comments (case_id, author_id, body, mentions) VALUES ($1, $2, $3, $4) RETURNING *
         )
         SELECT inserted.*, u.display_name AS author_name FROM inserted JOIN users u ON u.id = inserted.author_id`,
        [caseId, context.user.id, input.body, mentions],
      );
      const comment = toComment(row);
      record({ caseId, type: 'comment.added', data: { commentId: comment.id, body: comment.body, mentions } });
      return comment;
    });
  }
}

/** Ids of the active users among `usernames`, in the same order; unknown names stay plain text. */
async function resolveMentions(manager: EntityManager, usernames: string[]): Promise<string[]> {
  if (usernames.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT u.id FROM unnest($1::text[]) WITH ORDINALITY AS wanted (username, position)
     JOIN users u ON lower(u.username) = wanted.username AND u.active
     ORDER BY wanted.position`,
    [usernames],
  );
  return rows.map((row) => row.id);
}

function toComment(row: CommentRow): CaseComment {
  return {
    id: row.id,
    caseId: row.case_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    mentions: row.mentions,
    createdAt: row.created_at.toISOString(),
  };
}
