import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Raw, type Repository } from 'typeorm';
import type { ChangeOwnPasswordInput, LoginInput } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { toUserSummary, UsersService } from '../users/users.service.js';
import type { SessionUser } from './current-user.decorator.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import { SESSION_TTL_MS } from './session-cookie.js';
import { SessionEndings } from './session-endings.js';
import { SessionEntity } from './session.entity.js';
import { newSessionToken, sessionIdOf } from './session-token.js';

/** Writing last_seen_at on every request would turn each read into a write; once a minute is plenty. */
const RENEW_AFTER_MS = 60_000;

export interface LoginClient {
  ip: string;
  userAgent: string | undefined;
}

export interface AuthenticatedSession {
  user: SessionUser;
  /** The expiry moved: the cookie should be sent again so the browser's copy moves too. */
  renewed: boolean;
}

export class LoginThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('LOGIN_THROTTLED', 429, { retryAfterSeconds });
  }
}

@Injectable()
export class AuthService implements OnModuleInit {
  /** Checked when the username is unknown, so that answer takes as long as a wrong password. */
  private dummyPasswordHash: Promise<string>;

  constructor(
    private readonly users: UsersService,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly throttle: LoginThrottle,
    private readonly endings: SessionEndings,
  ) {}

  onModuleInit(): void {
    this.dummyPasswordHash = hashPassword(randomBytes(16).toString('base64url'));
  }

  /** Starts a session; the returned token goes into the cookie and nowhere else. */
  async login(input: LoginInput, client: LoginClient): Promise<{ user: SessionUser; token: string }> {
    const username = input.username.toLowerCase();
    const verdict = await this.throttle.admit(username, client.ip);
    if (!verdict.allowed) throw new LoginThrottledError(verdict.retryAfterSeconds);

    const user = await this.users.findForLogin(username);
    const passwordMatches = await verifyPassword(user?.passwordHash ?? (await this.dummyPasswordHash), input.password);
    if (!user || !passwordMatches) throw new DomainError('INVALID_CREDENTIALS', 401);
    await this.throttle.forgive(username, client.ip);

    await this.sessions.delete({ expiresAt: Raw((column) => `${column} <= now()`) });
    const { token, id } = newSessionToken();
    await this.sessions
      .createQueryBuilder()
      .insert()
      .values({
        id,
        userId: user.id,
        expiresAt: () => `now() + make_interval(secs => ${SESSION_TTL_MS / 1000})`,
        userAgent: client.userAgent?.slice(0, 512) ?? null,
        ip: client.ip,
      })
      .execute();
    return { user: toUserSummary(user), token };
  }

  async logout(token: unknown): Promise<void> {
    const id = sessionIdOf(token);
    if (!id) return;
    await this.sessions.delete({ id });
    this.endings.announce(id);
  }

  /**
   * Signs the user out everywhere (but in the session `keep`, when given) and closes those
   * sessions' sockets at once, as a sign-out does.
   */
  async endSessionsOf(userId: string, keep?: string): Promise<void> {
    const query = this.sessions.createQueryBuilder().delete().where('user_id = :userId', { userId }).returning('id');
    if (keep) query.andWhere('id <> :keep', { keep });
    const { raw } = await query.execute();
    for (const { id } of raw as { id: string }[]) this.endings.announce(id);
  }

  /**
   * The signed-in user's own password. A wrong current password counts as a failed sign-in, so
   * this route cannot be used to guess it faster than the login page allows.
   */
  async changePassword(user: SessionUser, token: unknown, input: ChangeOwnPasswordInput, client: LoginClient): Promise<void> {
    const username = user.username.toLowerCase();
    const verdict = await this.throttle.admit(username, client.ip);
    if (!verdict.allowed) throw new LoginThrottledError(verdict.retryAfterSeconds);

    const account = await this.users.findForLogin(username);
    if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 403);
    }
    await this.throttle.forgive(username, client.ip);
    await this.users.setPasswordHash(user.id, await hashPassword(input.newPassword));
    await this.endSessionsOf(user.id, sessionIdOf(token));
  }

  /** Which of these sessions are still live: not signed out, not expired, their user still active. */
  async liveSessionIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.sessions
      .createQueryBuilder('session')
      .innerJoin('session.user', 'user')
      .select('session.id', 'id')
      .where('session.id IN (:...ids)', { ids })
      .andWhere('session.expiresAt > now()')
      .andWhere('user.active')
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** For each HTTP request: the session's user, with the idle expiry pushed back. */
  async authenticate(token: unknown): Promise<AuthenticatedSession | undefined> {
    const session = await this.findLiveSession(token);
    if (!session) return undefined;
    const renewed = Date.now() - session.lastSeenAt.getTime() >= RENEW_AFTER_MS;
    if (renewed) {
      await this.sessions.update(
        { id: session.id },
        { lastSeenAt: () => 'now()', expiresAt: () => `now() + make_interval(secs => ${SESSION_TTL_MS / 1000})` },
      );
    }
    return { user: session.user, renewed };
  }

  /**
   * The user behind a session token, or undefined when the token is unknown, expired or its user
   * deactivated. For callers outside the HTTP guard, such as socket handshakes; it does not renew.
   */
  async userFromSessionToken(token: unknown): Promise<SessionUser | undefined> {
    const session = await this.findLiveSession(token);
    return session?.user;
  }

  /** Runs on every request: one primary-key lookup, written out so no query builder runs each time. */
  private async findLiveSession(token: unknown): Promise<LiveSession | undefined> {
    const id = sessionIdOf(token);
    if (!id) return undefined;
    const [row]: LiveSessionRow[] = await this.sessions.query(
      `SELECT s.last_seen_at, u.id, u.username, u.display_name, u.role, u.department
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.expires_at > now() AND u.active`,
      [id],
    );
    if (!row) return undefined;
    return {
      id,
      lastSeenAt: row.last_seen_at,
      user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role, department: row.department },
    };
  }
}

interface LiveSession {
  id: string;
  lastSeenAt: Date;
  user: SessionUser;
}

interface LiveSessionRow {
  last_seen_at: Date;
  id: string;
  username: string;
  display_name: string;
  role: SessionUser['role'];
  department: SessionUser['department'];
}
