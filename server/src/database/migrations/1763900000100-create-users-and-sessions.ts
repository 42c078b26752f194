import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsersAndSessions1763900000100 implements MigrationInterface {
  name = 'CreateUsersAndSessions1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A unique index on lower(username) rather than citext: citext is an extension that an
    // external database's owner may not be allowed to create.
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{1,64}$'),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 64),
        role text NOT NULL CHECK (role IN
          ('cs_agent', 'cs_supervisor', 'quality_investigator', 'operations', 'legal', 'department_head', 'admin')),
        department text NOT NULL CHECK (department IN
          ('customer_service', 'quality', 'operations', 'legal', 'management', 'administration')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`);

    // The id is the SHA-256 of the cookie's token: a leaked sessions table cannot be replayed.
    await queryRunner.query(`
      CREATE TABLE sessions (
        id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        user_agent text,
        ip text
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);
    await queryRunner.query(`CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)`);

    // Failed logins per username and client address, kept here rather than in memory so the
    // limit holds across server instances. No foreign key: unknown usernames are throttled too.
    await queryRunner.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL,
        ip text NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX login_failures_key_idx ON login_failures (username, ip, attempted_at)`);
    await queryRunner.query(`CREATE INDEX login_failures_attempted_at_idx ON login_failures (attempted_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_failures`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
