import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseNumbering1763900000000 implements MigrationInterface {
  name = 'CaseNumbering1763900000000';

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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION next_case_number(timestamptz)`);
    await queryRunner.query(`DROP TABLE case_number_counters`);
  }
}
