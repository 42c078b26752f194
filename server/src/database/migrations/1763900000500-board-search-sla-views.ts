import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BoardSearchSlaViews1763900000500 implements MigrationInterface {
  name = 'BoardSearchSlaViews1763900000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The SLA clock's two milestones, kept on the case so the board can compute every card's SLA
    // state in the query that filters and sorts it.
    await queryRunner.query(`ALTER TABLE cases ADD COLUMN first_responded_at timestamptz, ADD COLUMN resolved_at timestamptz`);
    // Cases moved before this migration: the timeline knows when. The first response is the first
    // move out of intake; the resolution is the first arrival in follow-up or closed since the
    // last reopen, and only counts while the case is still there.
    await queryRunner.query(`
      UPDATE cases c SET
        first_responded_at = (
          SELECT min(e.occurred_at) FROM case_events e
          WHERE e.case_id = c.id AND e.type = 'case.moved' AND e.data ->> 'from' = 'intake'),
        resolved_at = CASE WHEN c.board_column IN ('follow_up', 'closed') THEN (
          SELECT min(e.occurred_at) FROM case_events e
          WHERE e.case_id = c.id AND e.type = 'case.moved' AND e.data ->> 'to' IN ('follow_up', 'closed')
            AND e.seq > coalesce((
              SELECT max(r.seq) FROM case_events r
              WHERE r.case_id = c.id AND r.type = 'case.moved' AND r.data ->> 'kind' = 'reopen'), 0))
        END`);
    // Rows that never went through the workflow (bulk imports) have no move events: the time they
    // entered their column is the best evidence there is.
    await queryRunner.query(`
      UPDATE cases SET
        first_responded_at = coalesce(first_responded_at, CASE WHEN board_column <> 'intake' THEN column_entered_at END),
        resolved_at = coalesce(resolved_at, CASE WHEN board_column IN ('follow_up', 'closed') THEN column_entered_at END)`);

    // Every move lands on the timeline in the transaction that makes it, so the milestones follow
    // from the timeline for every writer: the workflow, the demo seed, an import. A reopen means
    // the customer was not satisfied: the case is unresolved again and its clock runs on.
    await queryRunner.query(`
      CREATE FUNCTION case_sla_milestones() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE cases SET
          first_responded_at = coalesce(first_responded_at, NEW.occurred_at),
          resolved_at = CASE
            WHEN NEW.data ->> 'to' IN ('follow_up', 'closed') THEN coalesce(resolved_at, NEW.occurred_at)
            WHEN NEW.data ->> 'kind' = 'reopen' THEN NULL
            ELSE resolved_at
          END
        WHERE id = NEW.case_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_sla_milestones AFTER INSERT ON case_events
      FOR EACH ROW WHEN (NEW.type = 'case.moved') EXECUTE FUNCTION case_sla_milestones()`);

    // Search by number fragment, waybill, title, customer name and phone: ILIKE '%…%' served by
    // trigram indexes. pg_trgm ships with PostgreSQL and is a trusted extension (PG 13+), so the
    // database owner may create it without superuser rights.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX cases_number_trgm_idx ON cases USING gin (number gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX cases_waybill_trgm_idx ON cases USING gin (waybill gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX cases_title_trgm_idx ON cases USING gin (title gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX customers_name_trgm_idx ON customers USING gin (name gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX customers_phone_key_trgm_idx ON customers USING gin (phone_key gin_trgm_ops)`);
    // The department filter and swimlanes; owner and watchers are indexed already.
    await queryRunner.query(`CREATE INDEX cases_department_idx ON cases (owning_department)`);

    await queryRunner.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        filters jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE saved_views`);
    await queryRunner.query(`DROP INDEX cases_department_idx`);
    await queryRunner.query(`DROP INDEX customers_phone_key_trgm_idx`);
    await queryRunner.query(`DROP INDEX customers_name_trgm_idx`);
    await queryRunner.query(`DROP INDEX cases_title_trgm_idx`);
    await queryRunner.query(`DROP INDEX cases_waybill_trgm_idx`);
    await queryRunner.query(`DROP INDEX cases_number_trgm_idx`);
    // pg_trgm stays: extensions are per database and something else may have come to rely on it.
    await queryRunner.query(`DROP TRIGGER case_sla_milestones ON case_events`);
    await queryRunner.query(`DROP FUNCTION case_sla_milestones()`);
    await queryRunner.query(`ALTER TABLE cases DROP COLUMN resolved_at, DROP COLUMN first_responded_at`);
  }
}
