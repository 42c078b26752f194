import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_FAILURE_WINDOW_MINUTES = 15;

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * At most LOGIN_FAILURE_LIMIT failed logins per username and client address within a sliding
 * window, counted in PostgreSQL so that every server instance sees the same count.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Admits an attempt and books it as a failure in advance; `forgive` takes it back on success.
   * Booking before the password check, under a per-key lock, means a burst of parallel guesses
   * cannot all slip through while the count still reads four.
   */
  admit(username: string, ip: string): Promise<AttemptVerdict> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`login\n${username}\n${ip}`]);
      await manager.query(
        `DELETE FROM login_failures WHERE attempted_at <= now() - make_interval(mins => $1)`,
        [LOGIN_FAILURE_WINDOW_MINUTES],
      );
      // The failure whose expiry brings the count back under the limit.
      const [blocking] = (await manager.query(
        `SELECT ceil(extract(epoch FROM attempted_at + make_interval(mins => $3) - now()))::int AS "retryAfterSeconds"
           FROM login_failures
          WHERE username = $1 AND ip = $2
          ORDER BY attempted_at DESC
         OFFSET $4 LIMIT 1`,
        [username, ip, LOGIN_FAILURE_WINDOW_MINUTES, LOGIN_FAILURE_LIMIT - 1],
      )) as { retryAfterSeconds: number }[];
      if (blocking) return { allowed: false, retryAfterSeconds: Math.max(1, blocking.retryAfterSeconds) };
      await manager.query('INSERT INTO login_failures (username, ip) VALUES ($1, $2)', [username, ip]);
      return { allowed: true };
    });
  }

  /** A successful login clears the key's failures. */
  async forgive(username: string, ip: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE username = $1 AND ip = $2', [username, ip]);
  }
}
