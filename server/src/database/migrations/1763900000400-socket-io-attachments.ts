import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Postgres Socket.IO adapter relays messages between server instances with NOTIFY, whose
 * payload stops at 8,000 bytes; larger ones (a long comment's event) travel through this table.
 * The adapter deletes rows older than its cleanup interval itself.
 */
export class SocketIoAttachments1763900000400 implements MigrationInterface {
  name = 'SocketIoAttachments1763900000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE socket_io_attachments`);
  }
}
