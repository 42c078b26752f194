import path from 'node:path';
import { z } from 'zod';

/** Repository root: server/dist/common/config -> ../../../.. (same depth from src/ under vitest). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce.number().int().min(1).max(65535);

const redisUrl = z.url().refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://');

const postgresUrl = z
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
  EMBEDDED_PG_PORT: port.optional(),
  SEED_DEMO_DATA: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  WEB_DIST_DIR: z.string().min(1).default(path.join(REPO_ROOT, 'web', 'dist')),
  /**
   * How many reverse proxies stand in front of the server. Behind one, every request comes from
   * the proxy's address; with this set, the client's address is read from X-Forwarded-For, so
   * login throttling counts per client rather than for everybody at once.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  /** Set: server instances share realtime traffic through Redis instead of PostgreSQL. */
  REDIS_URL: redisUrl.optional(),
  /**
   * How often each instance looks for cases that ran into an SLA warning or breach. Short in the
   * e2e suite, which waits for a breach; an hour at most, since heads are alerted only then.
   */
  SLA_WATCH_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
});

export type AppConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/**
 * Reads the process environment once at boot. Empty strings count as unset so that
 * `PORT= npm start` means "default", as it would in a shell script.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((key) => [key, env[key]])
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = configSchema.safeParse(relevant);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid environment variable ${variable}=${JSON.stringify(env[variable])}: ${issue.message}`);
  }
  return result.data;
}
