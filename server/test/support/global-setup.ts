import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { ensureDatabase } from '../../src/database/ensure-database.js';
import { migrateDatabase } from '../../src/database/migrate.js';

export const TEMPLATE_DATABASE = 'app_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    templateDatabase: string;
  }
}

/** One throw-away cluster for the whole run, with a migrated template every test file clones. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'complaint-board-test-'));
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    await ensureDatabase(cluster.url(), TEMPLATE_DATABASE);
    await migrateDatabase(cluster.url(TEMPLATE_DATABASE));
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide('postgresAdminUrl', cluster.url());
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  return async () => {
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
