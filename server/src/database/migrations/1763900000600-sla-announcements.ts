import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaAnnouncements1763900000600 implements MigrationInterface {
  name = 'SlaAnnouncements1763900000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Which SLA crossings have been put on a timeline. The primary key is the "once": whichever
    // server instance inserts the row announces the crossing, in the transaction that appends its
    // event. A round is the stretch a case runs against one deadline: the first response from
    // intake; the resolution from the first response, and again from every reopen.
    await queryRunner.query(`
      CREATE TABLE sla_announcements (
        case_id uuid NOT NULL REFERENCES cases (id),
        deadline text NOT NULL CHECK (deadline IN ('first_response', 'resolution')),
        round_started_at timestamptz NOT NULL,
        level text NOT NULL CHECK (level IN ('warning', 'breached')),
        PRIMARY KEY (case_id, deadline, round_started_at, level)
      )`);
    // How far the SLA watch has looked; one row. Starting it now is what keeps the crossings of
    // the past (a month of demo data, or years of an existing database) off the timelines.
    await queryRunner.query(`
      CREATE TABLE sla_watch (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        swept_until timestamptz NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO sla_watch (swept_until) VALUES (now())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sla_watch`);
    await queryRunner.query(`DROP TABLE sla_announcements`);
  }
}
