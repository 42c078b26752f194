import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/common/config/config.js';
import { createApp } from '../../src/create-app.js';
import { ensureDatabase } from '../../src/database/ensure-database.js';

/** A fresh database cloned from the migrated template: isolated per test file, created in milliseconds. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const adminUrl = inject('postgresAdminUrl');
  await ensureDatabase(adminUrl, name, inject('templateDatabase'));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropTestDatabase(name: string): Promise<void> {
  const client = new Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  database: { name: string; url: string };
  close(): Promise<void>;
}

/** The real application on a random port against its own fresh database. */
export async function startTestApp(overrides: Partial<Record<keyof AppConfig, string>> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', NODE_ENV: 'test', ...overrides });
  const app = await createApp(config, database.url);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    database,
    async close() {
      await app.close();
      await dropTestDatabase(database.name);
    },
  };
}
