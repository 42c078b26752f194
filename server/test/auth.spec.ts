import { createHash } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userAccountSchema, userSummarySchema } from '@app/shared';
import { loadConfig } from '../src/common/config/config.js';
import { createApp } from '../src/create-app.js';
import { DEMO_USERS } from '../src/database/seed/demo-users.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

/** Routes reachable without a session; everything else must answer 401. */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout'];

describe('authentication and sessions', () => {
  let testApp: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await startTestApp();
    dataSource = testApp.app.get(DataSource);
    await seedUsers(testApp);
  });
  afterAll(() => testApp.close());

  const url = (path: string) => `${testApp.baseUrl}${path}`;
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    });
  const me = (cookie?: string) => fetch(url('/api/auth/me'), { headers: cookie ? { cookie } : {} });
  const sessionCookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('sid='));

  it('logs in with the right password: the user, and an httpOnly SameSite=Lax session cookie for 12 h', async () => {
    const response = await login('agent', 'demo1234');
    expect(response.status).toBe(200);
    const user = userSummarySchema.strict().parse(await response.json());
    expect(user).toMatchObject({ username: 'agent', displayName: '王晓燕', role: 'cs_agent', department: 'customer_service' });

    const cookie = sessionCookieOf(response)!;
    const attributes = cookie.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/', 'max-age=43200']));
    expect(attributes).not.toContain('secure');
  });

  it('stores only the SHA-256 of the session token', async () => {
    const cookie = await loginAs(testApp, 'supervisor');
    const token = cookie.slice('sid='.length);
    const rows = (await dataSource.query(
      `SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'supervisor'`,
    )) as { id: string }[];
    expect(rows.map((row) => row.id)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(rows.map((row) => row.id)).not.toContain(token);
  });

  it('accepts usernames in any case', async () => {
    expect((await login('AGENT', 'demo1234')).status).toBe(200);
  });

  it('answers me with the session user, and 401 UNAUTHENTICATED without a session', async () => {
    const cookie = await loginAs(testApp, 'quality');
    const response = await me(cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ username: 'quality', role: 'quality_investigator', department: 'quality' });

    const anonymous = await me();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('logs out: 204, the cookie cleared, and the old cookie refused from then on', async () => {
    const cookie = await loginAs(testApp, 'operations');
    const response = await fetch(url('/api/auth/logout'), { method: 'POST', headers: { cookie } });
    expect(response.status).toBe(204);
    expect(sessionCookieOf(response)).toMatch(/^sid=;.*Expires=Thu, 01 Jan 1970/);
    expect((await me(cookie)).status).toBe(401);
  });

  it('answers a wrong password and an unknown user identically', async () => {
    const wrongPassword = await login('head', 'not-the-password', { 'Accept-Language': 'en' });
    const unknownUser = await login('nobody-here', 'demo1234', { 'Accept-Language': 'en' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    const body = await wrongPassword.json();
    expect(body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    expect(await unknownUser.json()).toEqual(body);
    expect(sessionCookieOf(wrongPassword)).toBeUndefined();
  });

  it('refuses a malformed login body with VALIDATION_FAILED and the offending paths', async () => {
    const response = await fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: '  ', remember: true }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; details: { path: string; message: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.map((detail) => detail.path).sort()).toEqual(['', 'password', 'username']);
  });

  describe('throttling', () => {
    const fail = (username: string) => login(username, 'wrong-password');

    it('refuses the sixth attempt within 15 minutes with 429 LOGIN_THROTTLED and Retry-After, even with the right password', async () => {
      for (let attempt = 1; attempt <= 5; attempt++) expect((await fail('legal')).status).toBe(401);
      const throttled = await login('legal', 'demo1234');
      expect(throttled.status).toBe(429);
      expect(await throttled.json()).toMatchObject({ code: 'LOGIN_THROTTLED' });
      const retryAfter = Number(throttled.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    });

    it('throttles per username: others on the same address still get in', async () => {
      expect((await login('legal', 'demo1234')).status).toBe(429);
      expect((await login('xuming', 'demo1234')).status).toBe(200);
    });

    it('holds across server instances sharing the database', async () => {
      const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', NODE_ENV: 'test' });
      const otherInstance = await createApp(config, testApp.database.url);
      await otherInstance.listen(0, '127.0.0.1');
      try {
        const { port } = otherInstance.getHttpServer().address() as { port: number };
        const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'legal', password: 'demo1234' }),
        });
        expect(response.status).toBe(429);
      } finally {
        await otherInstance.close();
      }
    });

    it('behind a trusted proxy counts per client address from X-Forwarded-For, and otherwise ignores that header', async () => {
      const loginFrom = (app: NestExpressApplication, clientAddress: string, password: string) => {
        const { port } = app.getHttpServer().address() as { port: number };
        return fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': clientAddress },
          body: JSON.stringify({ username: 'hejun', password }),
        });
      };
      const instance = async (overrides: Record<string, string>) => {
        const app = await createApp(loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', NODE_ENV: 'test', ...overrides }), testApp.database.url);
        await app.listen(0, '127.0.0.1');
        return app;
      };
      const [behindProxy, direct] = [await instance({ TRUST_PROXY: '1' }), await instance({})];
      try {
        for (let attempt = 1; attempt <= 5; attempt++) expect((await loginFrom(behindProxy, '203.0.113.7', 'wrong-password')).status).toBe(401);
        expect((await loginFrom(behindProxy, '203.0.113.7', 'demo1234')).status).toBe(429);
        expect((await loginFrom(behindProxy, '198.51.100.20', 'demo1234')).status).toBe(200);
        // Without TRUST_PROXY the header is anybody's to write; the connection's address counts.
        for (let attempt = 1; attempt <= 5; attempt++) expect((await loginFrom(direct, `192.0.2.${attempt}`, 'wrong-password')).status).toBe(401);
        expect((await loginFrom(direct, '192.0.2.99', 'demo1234')).status).toBe(429);
      } finally {
        await behindProxy.close();
        await direct.close();
      }
    });

    it('lets the throttle lapse once the failures are older than 15 minutes', async () => {
      await dataSource.query(`UPDATE login_failures SET attempted_at = attempted_at - interval '15 minutes'`);
      expect((await login('legal', 'demo1234')).status).toBe(200);
    });

    it('forgets earlier failures after a successful login', async () => {
      for (let round = 0; round < 2; round++) {
        for (let attempt = 1; attempt <= 4; attempt++) expect((await fail('gaofeng')).status).toBe(401);
        expect((await login('gaofeng', 'demo1234')).status).toBe(200);
      }
    });

    it('counts a burst of parallel guesses exactly', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => fail('songyan')));
      expect(answers.map((answer) => answer.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    });
  });

  describe('session cookie', () => {
    it('refuses a tampered, malformed or unknown token', async () => {
      const cookie = await loginAs(testApp, 'admin');
      const token = cookie.slice('sid='.length);
      const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      for (const forged of [`sid=${flipped}`, `sid=${token}x`, 'sid=garbage', `sid=${'A'.repeat(43)}`, 'sid=']) {
        const response = await me(forged);
        expect(response.status, forged).toBe(401);
      }
      expect((await me(cookie)).status).toBe(200);
    });

    it('refuses an expired session and a deactivated user', async () => {
      const expired = await loginAs(testApp, 'zhoujie');
      await dataSource.query(
        `UPDATE sessions SET expires_at = now() - interval '1 second'
          WHERE user_id = (SELECT id FROM users WHERE username = 'zhoujie')`,
      );
      expect((await me(expired)).status).toBe(401);

      const deactivated = await loginAs(testApp, 'wufang');
      await dataSource.query(`UPDATE users SET active = false WHERE username = 'wufang'`);
      try {
        expect((await me(deactivated)).status).toBe(401);
        expect((await login('wufang', 'demo1234')).status).toBe(401);
      } finally {
        await dataSource.query(`UPDATE users SET active = true WHERE username = 'wufang'`);
      }
    });

    it('slides the 12 h expiry on use and sends the cookie again', async () => {
      const cookie = await loginAs(testApp, 'zhengyu');
      const ofUser = `user_id = (SELECT id FROM users WHERE username = 'zhengyu')`;
      await dataSource.query(
        `UPDATE sessions SET last_seen_at = now() - interval '2 hours', expires_at = now() + interval '10 hours' WHERE ${ofUser}`,
      );
      const response = await me(cookie);
      expect(response.status).toBe(200);
      expect(sessionCookieOf(response)).toBe(`${cookie}; Max-Age=43200; Path=/; ${sessionCookieOf(response)!.split('; ').slice(3).join('; ')}`);
      const [session] = (await dataSource.query(
        `SELECT extract(epoch FROM expires_at - now()) AS "secondsLeft", extract(epoch FROM now() - last_seen_at) AS "idleSeconds"
           FROM sessions WHERE ${ofUser}`,
      )) as { secondsLeft: string; idleSeconds: string }[];
      expect(Number(session.secondsLeft)).toBeGreaterThan(11.9 * 3600);
      expect(Number(session.idleSeconds)).toBeLessThan(60);

      const soonAgain = await me(cookie);
      expect(sessionCookieOf(soonAgain)).toBeUndefined();
    });

    it('sets the Secure flag in production', async () => {
      const production = await startTestApp({ NODE_ENV: 'production' });
      try {
        await seedUsers(production);
        const response = await fetch(`${production.baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: 'agent', password: 'demo1234' }),
        });
        expect(sessionCookieOf(response)?.split('; ')).toContain('Secure');
      } finally {
        await production.close();
      }
    });
  });

  describe('requests from pages of other sites', () => {
    const post = (path: string, origin: string, body: unknown, cookie?: string) =>
      fetch(url(path), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin, 'Accept-Language': 'zh-CN', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const ownOrigin = () => new URL(testApp.baseUrl).origin;

    it('refuses a login or a change sent from another site with 403 CROSS_SITE_REQUEST, even with a session', async () => {
      const cookie = await loginAs(testApp, 'agent');
      for (const [path, body, session] of [
        ['/api/auth/login', { username: 'agent', password: 'demo1234' }, undefined],
        ['/api/cases', { title: 'x' }, cookie],
        ['/api/auth/logout', {}, cookie],
      ] as const) {
        const answer = await post(path, 'https://evil.example', body, session);
        expect(answer.status, path).toBe(403);
        expect(await answer.json()).toMatchObject({ code: 'CROSS_SITE_REQUEST', message: '请求来自其他网站，已拒绝' });
      }
      expect((await fetch(url('/api/auth/me'), { headers: { cookie } })).status).toBe(200);
    });

    it('accepts the board’s own pages and clients that send no Origin', async () => {
      expect((await post('/api/auth/login', ownOrigin(), { username: 'agent', password: 'demo1234' })).status).toBe(200);
      expect((await login('agent', 'demo1234')).status).toBe(200);
    });
  });

  it('lists active users for owner pickers, without secrets, to signed-in users only', async () => {
    expect((await fetch(url('/api/users'))).status).toBe(401);
    const response = await fetch(url('/api/users'), { headers: { cookie: await loginAs(testApp, 'agent') } });
    expect(response.status).toBe(200);
    const users = userAccountSchema.strict().array().parse(await response.json());
    expect(users.every((user) => user.active)).toBe(true);
    expect(users.map((user) => user.username).sort()).toEqual(DEMO_USERS.map((user) => user.username).sort());
  });

  it('requires a session on every route that is not public', async () => {
    const routes = registeredRoutes(testApp);
    expect(routes).toEqual(expect.arrayContaining([...PUBLIC_ROUTES, 'GET /api/auth/me', 'GET /api/users']));
    for (const route of routes.filter((route) => !PUBLIC_ROUTES.includes(route))) {
      const [method, path] = route.split(' ');
      const concretePath = path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await fetch(url(concretePath), {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
      });
      expect(response.status, route).toBe(401);
      expect(await response.json(), route).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** `METHOD /path` for every controller route on Express; wildcard layers are Nest's 404 answer, not routes. */
function registeredRoutes(testApp: TestApp): string[] {
  const express = testApp.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route && !layer.route.path.includes('*')
      ? Object.keys(layer.route.methods)
          .filter((method) => method !== '_all')
          .map((method) => `${method.toUpperCase()} ${layer.route!.path}`)
      : [],
  );
}
