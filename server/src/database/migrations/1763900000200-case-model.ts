import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = `'intake', 'investigation', 'compensation', 'corrective_action', 'follow_up', 'closed'`;
const CHANNELS = `'phone', 'email', 'web_form', 'mobile_app', 'wechat', 'online_chat', 'walk_in', 'letter_fax', 'management', 'regulator'`;
const CATEGORIES = `'delay', 'lost', 'damaged', 'misdelivered', 'short_items', 'wrong_tracking', 'staff_attitude', 'billing', 'pickup', 'other'`;
const CUSTOMER_TYPES = `'quality_watchdog', 'rational', 'negotiator', 'victim', 'loyal_advocate'`;
const DEPARTMENTS = `'customer_service', 'quality', 'operations', 'legal', 'management', 'administration'`;

export class CaseModel1763900000200 implements MigrationInterface {
  name = 'CaseModel1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A customer is found again by phone: digits only, so "138 0013 8000" and "13800138000" match.
    await queryRunner.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
        phone text NOT NULL,
        phone_key text NOT NULL UNIQUE,
        email text,
        company text,
        type text CHECK (type IN (${CUSTOMER_TYPES})),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Sections filled step by step along the flow (facts, claim, investigation, …) are jsonb,
    // validated by the shared zod schemas on every write; what the board filters and sorts on
    // is a typed column.
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        board_column text NOT NULL DEFAULT 'intake' CHECK (board_column IN (${COLUMNS})),
        channel text NOT NULL CHECK (channel IN (${CHANNELS})),
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        severity text NOT NULL CHECK (severity IN ('serious', 'important', 'general')),
        customer_id uuid NOT NULL REFERENCES customers (id),
        waybill text NOT NULL,
        order_number text,
        origin text NOT NULL,
        destination text NOT NULL,
        declared_value numeric(12, 2) CHECK (declared_value >= 0),
        facts jsonb NOT NULL,
        claim jsonb NOT NULL DEFAULT '{"remedies": []}',
        investigation jsonb NOT NULL DEFAULT '{}',
        compensation jsonb NOT NULL DEFAULT '{"remedies": []}',
        compensation_proposed_by uuid REFERENCES users (id),
        corrective_action jsonb NOT NULL DEFAULT '{}',
        follow_up jsonb NOT NULL DEFAULT '{}',
        owner_id uuid REFERENCES users (id),
        owning_department text NOT NULL DEFAULT 'customer_service' CHECK (owning_department IN (${DEPARTMENTS})),
        watcher_ids uuid[] NOT NULL DEFAULT '{}',
        reopen_count integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        column_entered_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0)
      )`);
    await queryRunner.query(`CREATE INDEX cases_board_column_idx ON cases (board_column, created_at)`);
    await queryRunner.query(`CREATE INDEX cases_customer_idx ON cases (customer_id, created_at)`);
    await queryRunner.query(`CREATE INDEX cases_waybill_idx ON cases (waybill)`);
    await queryRunner.query(`CREATE INDEX cases_owner_idx ON cases (owner_id)`);
    await queryRunner.query(`CREATE INDEX cases_watchers_idx ON cases USING gin (watcher_ids)`);

    await queryRunner.query(`
      CREATE TABLE case_approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        approver_id uuid NOT NULL REFERENCES users (id),
        approver_role text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('approved', 'rejected')),
        amount numeric(12, 2) NOT NULL CHECK (amount >= 0),
        reason text,
        decided_at timestamptz NOT NULL DEFAULT now(),
        voided_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX case_approvals_case_idx ON case_approvals (case_id, decided_at)`);

    // The timeline. seq is the global sequence every realtime event carries; writers take
    // an advisory lock before inserting so that seq order is also commit order.
    await queryRunner.query(`
      CREATE TABLE case_events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        type text NOT NULL,
        actor_id uuid REFERENCES users (id),
        request_id text,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        data jsonb NOT NULL,
        prev_hash text,
        hash text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, seq)`);

    // Hash chain per case: each event hashes its content together with the previous event's
    // hash, so rewriting history anywhere breaks every later link. Computed here, in one place,
    // from a text form that does not depend on the session's time zone.
    await queryRunner.query(`
      CREATE FUNCTION case_event_digest(prev_hash text, case_id uuid, type text, actor_id uuid,
                                        occurred_at timestamptz, data jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(
          coalesce(prev_hash, '') || '|' || case_id::text || '|' || type || '|' ||
          coalesce(actor_id::text, '') || '|' ||
          to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|' || data::text,
          'UTF8')), 'hex')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION case_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT hash INTO NEW.prev_hash FROM case_events
          WHERE case_id = NEW.case_id ORDER BY seq DESC LIMIT 1;
        NEW.hash := case_event_digest(NEW.prev_hash, NEW.case_id, NEW.type, NEW.actor_id, NEW.occurred_at, NEW.data);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_chain BEFORE INSERT ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_chain()`);
    // Append-only, enforced by the database for every client, not only by this code. One guard
    // for every table that is part of a case's record.
    await queryRunner.query(`
      CREATE FUNCTION refuse_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION refuse_record_change()`);
    await queryRunner.query(`
      CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_record_change()`);

    // Admin-editable settings (approval authority tiers, later SLA policy): one row per key.
    await queryRunner.query(`
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE settings`);
    await queryRunner.query(`DROP TABLE case_events`);
    await queryRunner.query(`DROP FUNCTION refuse_record_change()`);
    await queryRunner.query(`DROP FUNCTION case_events_chain()`);
    await queryRunner.query(`DROP FUNCTION case_event_digest(text, uuid, text, uuid, timestamptz, jsonb)`);
    await queryRunner.query(`DROP TABLE case_approvals`);
    await queryRunner.query(`DROP TABLE cases`);
    await queryRunner.query(`DROP TABLE customers`);
  }
}
