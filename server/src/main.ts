import 'reflect-metadata';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type AppConfig } from './common/config/config.js';
import { createApp } from './create-app.js';
import { startEmbeddedPostgres, type EmbeddedCluster } from './database/embedded-postgres.js';
import { ensureDatabase } from './database/ensure-database.js';
import { migrateDatabase } from './database/migrate.js';
import { seedDemoData } from './database/seed/demo-seed.js';
import { seedDemoUsers } from './database/seed/demo-users.js';

const EMBEDDED_DATABASE = 'complaint_board';

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  let cluster: EmbeddedCluster | undefined;
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = path.resolve(config.DATA_DIR);
      console.log(`Starting embedded PostgreSQL (data in ${dataDir})…`);
      cluster = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT, persistent: true });
      await ensureDatabase(cluster.url(), EMBEDDED_DATABASE);
      databaseUrl = cluster.url(EMBEDDED_DATABASE);
    }
    await migrateDatabase(databaseUrl);
    const app = await createApp(config, databaseUrl);
    if (config.SEED_DEMO_DATA) {
      await seedDemoUsers(app.get(DataSource));
      await seedDemoData(app.get(DataSource));
    }

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`${signal} received, shutting down…`);
      await app.close().catch((error) => console.error(error));
      await cluster?.stop().catch((error) => console.error(error));
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));

    await app.listen(config.PORT, config.HOST);
    const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
    console.log(`Complaint board ready at http://${shownHost}:${config.PORT}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await cluster?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
