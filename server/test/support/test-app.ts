import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/common/config/config.js';
import { createApp } from '../../src/create-app.js';
import { ensureDatabase } from '../../src/database/ensure-database.js';
import { DEMO_PASSWORD, seedDemoUsers } from '../../src/database/seed/demo-users.js';
import type { RealtimeSettings } from '../../src/modules/realtime/realtime.settings.js';

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
export async function startTestApp(
  overrides: Partial<Record<keyof AppConfig, string>> = {},
  realtime: Partial<RealtimeSettings> = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', NODE_ENV: 'test', ...overrides });
  const app = await createApp(config, database.url, realtime);
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

/** Creates the demo accounts (agent, supervisor, quality, operations, legal, head, admin, …) in the test database. */
export async function seedUsers(testApp: TestApp): Promise<void> {
  await seedDemoUsers(testApp.app.get(DataSource));
}

/**
 * Signs in as a demo user (see `seedUsers`) and returns the `Cookie` header that carries the
 * session: `fetch(url, { headers: { cookie: await loginAs(testApp, 'agent') } })`.
 */
export async function loginAs(testApp: TestApp, username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${testApp.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} answered ${response.status}: ${await response.text()}`);
  const sessionCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('sid='));
  if (!sessionCookie) throw new Error(`login as ${username} set no session cookie`);
  return sessionCookie.split(';')[0];
}

/**
 * One more instance of the application on the database of a running test app, as a second
 * server behind the same URL would be. Closing it leaves the database to its first app.
 */
export async function startAnotherInstance(
  first: TestApp,
  overrides: Partial<Record<keyof AppConfig, string>> = {},
  realtime: Partial<RealtimeSettings> = {},
): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', NODE_ENV: 'test', ...overrides });
  const app = await createApp(config, first.database.url, realtime);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    database: first.database,
    close: () => app.close(),
  };
}
