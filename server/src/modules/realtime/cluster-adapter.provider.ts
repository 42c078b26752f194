import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Client, Pool, type ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../common/config/config.provider.js';
import type { AppConfig } from '../../common/config/config.js';

type AdapterFactory = ReturnType<typeof createPostgresAdapter> | ReturnType<typeof createRedisAdapter>;

/** Past this, the instance starts anyway and the adapter keeps trying on its own. */
const LISTEN_WAIT_MS = 10_000;

/**
 * Lets several server instances behind one URL act as one Socket.IO server: a broadcast or
 * server-side emit on one instance reaches the others. PostgreSQL (LISTEN/NOTIFY) by default,
 * since the app needs it anyway; Redis pub/sub when REDIS_URL is set.
 */
@Injectable()
export class ClusterAdapterProvider implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClusterAdapter');
  private pool: Pool | undefined;
  private redisClients: Redis[] = [];
  private listening: Promise<void> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  create(): AdapterFactory {
    const logger = this.logger;
    const errorHandler = (error: Error) => logger.warn(`adapter: ${error.message}`);
    if (this.config.REDIS_URL) {
      const publisher = new Redis(this.config.REDIS_URL);
      const subscriber = publisher.duplicate();
      this.redisClients = [publisher, subscriber];
      for (const client of this.redisClients) client.on('error', errorHandler);
      this.listening = new Promise((resolve) => subscriber.once('ready', () => resolve()));
      return createRedisAdapter(publisher, subscriber);
    }

    let markListening: () => void = () => undefined;
    this.listening = new Promise((resolve) => (markListening = resolve));
    // The adapter keeps one connection for LISTEN but tells nobody when it listens; it drops
    // 'error' events of that connection (an uncaught exception when the server terminates it);
    // and when the server ends it, the adapter reconnects without giving the dead one back to
    // the pool, so pool.end() would wait for it forever. This client class sees to all three.
    class AdapterClient extends Client {
      constructor(config?: string | ClientConfig) {
        super(config);
        this.on('error', errorHandler);
        const query = this.query.bind(this) as (text: unknown, ...rest: unknown[]) => unknown;
        Object.assign(this, {
          query: (text: unknown, ...rest: unknown[]) => {
            const result = query(text, ...rest);
            if (typeof text === 'string' && text.startsWith('LISTEN ') && result instanceof Promise) {
              result.then(() => {
                markListening();
                this.once('end', () => giveBack(this));
              }, () => undefined);
            }
            return result;
          },
        });
      }
    }
    const giveBack = (client: Client) => {
      try {
        (client as Client & { release?: (error: Error) => void }).release?.(new Error('LISTEN connection ended'));
      } catch {
        // Already back in the pool: the adapter released it on close.
      }
    };
    // Its own small pool: one connection stays checked out for LISTEN, and relaying must not
    // queue behind (or starve) request transactions in TypeORM's pool.
    const { url } = this.dataSource.options as { url?: string };
    this.pool = new Pool({ connectionString: url, max: 4, application_name: 'complaint-board-realtime', Client: AdapterClient });
    this.pool.on('error', errorHandler);
    return createPostgresAdapter(this.pool, { errorHandler });
  }

  /**
   * An instance starts serving once it hears the others. It also keeps a quick start-and-stop
   * from closing the adapter before its LISTEN connection exists, which would orphan that
   * connection and keep reconnecting it forever.
   */
  async onApplicationBootstrap(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), LISTEN_WAIT_MS)));
    const late = await Promise.race([this.listening.then(() => false), gaveUp]);
    clearTimeout(timer);
    if (late) this.logger.warn(`not listening to other instances after ${LISTEN_WAIT_MS} ms; starting anyway`);
  }

  /** After Nest has closed the Socket.IO server, which releases the adapter's LISTEN connection. */
  async onApplicationShutdown(): Promise<void> {
    if (this.pool) {
      // A reconnect of the adapter already under way would fail on the ended pool and retry
      // every few seconds forever; from now on its connection attempts simply never finish.
      this.pool.connect = (() => new Promise(() => undefined)) as Pool['connect'];
      await this.pool.end();
    }
    await Promise.all(this.redisClients.map((client) => client.quit().catch(() => client.disconnect())));
  }
}
