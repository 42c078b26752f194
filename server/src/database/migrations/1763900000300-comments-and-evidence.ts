import type { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copies of the shared limits as they were when this migration was written: a later
// change to the shared constants needs its own migration, not a silently different schema.
const MEDIA_TYPES = `'image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf', 'audio/mpeg', 'audio/wav', 'audio/mp4', 'video/mp4'`;
const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export class CommentsAndEvidence1763900000300 implements MigrationInterface {
  name = 'CommentsAndEvidence1763900000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
        mentions uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_comments_case_idx ON case_comments (case_id, created_at)`);
    // "Where was I mentioned?" looks a user up inside the arrays.
    await queryRunner.query(`CREATE INDEX case_comments_mentions_idx ON case_comments USING gin (mentions)`);

    // A comment is part of the case's record, as its timeline event is: what was said stays said,
    // for every database client, not only for this code.
    await queryRunner.query(`
      CREATE TRIGGER case_comments_no_update_delete BEFORE UPDATE OR DELETE ON case_comments
      FOR EACH ROW EXECUTE FUNCTION refuse_record_change()`);
    await queryRunner.query(`
      CREATE TRIGGER case_comments_no_truncate BEFORE TRUNCATE ON case_comments
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_record_change()`);

    // The bytes live in Postgres rather than in files under .data/: one backup holds cases and
    // their evidence together, every server instance sees every file without shared storage, and
    // each test database cloned from the template starts with its own empty store. At 20 MiB per
    // file, bytea (TOASTed, compressed where it helps) is well within what Postgres handles.
    // content is kept out of every listing query; only the download selects it.
    await queryRunner.query(`
      CREATE TABLE case_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        uploaded_by uuid NOT NULL REFERENCES users (id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        caption text CHECK (length(caption) BETWEEN 1 AND 500),
        media_type text NOT NULL CHECK (media_type IN (${MEDIA_TYPES})),
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND ${MAX_EVIDENCE_BYTES}),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL CHECK (octet_length(content) = size_bytes),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_evidence_case_idx ON case_evidence (case_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_evidence`);
    await queryRunner.query(`DROP TABLE case_comments`);
  }
}
