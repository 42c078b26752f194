import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCases1763900000000 implements MigrationInterface {
  name = 'CreateCases1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_number_counters (
        day date PRIMARY KEY,
        last_serial integer NOT NULL
      )`);
    // The serial is allocated in the database so that concurrent intakes never share a number.
    // The business day is China's: a complaint taken at 01:00 Beijing time belongs to that day.
    await queryRunner.query(`
      CREATE FUNCTION next_case_number(taken_at timestamptz) RETURNS text
      LANGUAGE sql VOLATILE AS $$
        INSERT INTO case_number_counters AS counter (day, last_serial)
        VALUES ((taken_at AT TIME ZONE 'Asia/Shanghai')::date, 1)
        ON CONFLICT (day) DO UPDATE SET last_serial = counter.last_serial + 1
        RETURNING 'CP-' || to_char(day, 'YYYYMMDD') || '-' || lpad(last_serial::text, 4, '0')
      $$`);
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        board_column text NOT NULL DEFAULT 'intake' CHECK (board_column IN
          ('intake', 'investigation', 'compensation', 'corrective_action', 'follow_up', 'closed')),
        severity text NOT NULL CHECK (severity IN ('serious', 'important', 'general')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0)
      )`);
    await queryRunner.query(`CREATE INDEX cases_board_column_idx ON cases (board_column, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cases`);
    await queryRunner.query(`DROP FUNCTION next_case_number(timestamptz)`);
    await queryRunner.query(`DROP TABLE case_number_counters`);
  }
}
