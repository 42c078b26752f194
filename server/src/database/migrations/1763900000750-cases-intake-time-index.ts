import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesIntakeTimeIndex1763900000750 implements MigrationInterface {
  name = 'CasesIntakeTimeIndex1763900000750';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The monthly report reads one month of intake out of every month the company has kept;
    // (board_column, created_at) cannot serve a range on created_at alone.
    await queryRunner.query(`CREATE INDEX cases_created_at_idx ON cases (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cases_created_at_idx`);
  }
}
