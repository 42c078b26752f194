import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateUserInput, UserAccount } from '@app/shared';
import { DEMO_PASSWORD } from '../src/database/seed/demo-users.js';
import { apiAs, type Api } from './support/api-client.js';
import { connectAs } from './support/socket-client.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

describe('user management and passwords', () => {
  let testApp: TestApp;
  let admin: Api;
  let adminId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    admin = apiAs(testApp, await loginAs(testApp, 'admin'));
    adminId = (await admin.get('/auth/me')).body.id;
  });
  afterAll(() => testApp.close());

  let serial = 0;
  const newUser = (overrides: Partial<CreateUserInput> = {}): CreateUserInput => {
    serial += 1;
    return { username: `agent${serial}x`, displayName: '钱小红', role: 'cs_agent', department: 'customer_service', password: 'kuaidi-2026', ...overrides };
  };
  const create = async (input: CreateUserInput): Promise<UserAccount> => {
    const answer = await admin.post('/users', input);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  const login = (username: string, password: string) =>
    fetch(`${testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  /** A new user, signed in with a live socket; `closed` resolves with the reason the server drops it. */
  const newUserOnline = async () => {
    const input = newUser();
    const created = await create(input);
    const cookie = await loginAs(testApp, input.username, input.password);
    const socket = await connectAs(testApp, cookie);
    const closed = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
    return { input, created, cookie, closed };
  };
  const meStatus = async (cookie: string) => (await apiAs(testApp, cookie).get('/auth/me')).status;

  it('creates a user who can sign in at once; the answer carries no secret', async () => {
    const input = newUser();
    const created = await create(input);
    expect(created).toEqual({
      id: expect.any(String),
      username: input.username,
      displayName: '钱小红',
      role: 'cs_agent',
      department: 'customer_service',
      active: true,
    });
    const cookie = await loginAs(testApp, input.username, input.password);
    expect((await apiAs(testApp, cookie).get('/auth/me')).body).toMatchObject({ id: created.id, role: 'cs_agent' });
    expect((await admin.get('/users')).body.map((user: UserAccount) => user.id)).toContain(created.id);
  });

  it('refuses a username that is taken, in any case, with 409 USERNAME_TAKEN', async () => {
    expect((await admin.post('/users', newUser({ username: 'agent' }))).body.code).toBe('USERNAME_TAKEN');
    const answer = await admin.post('/users', newUser({ username: 'supervisor' }));
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 409, code: 'USERNAME_TAKEN' });
  });

  it.each([
    ['an uppercase username', { username: 'Agent9' }],
    ['a two-letter username', { username: 'ab' }],
    ['a username with a dot', { username: 'wang.fang' }],
    ['a seven-character password', { password: '1234567' }],
    ['an empty display name', { displayName: '  ' }],
    ['an unknown role', { role: 'superuser' }],
  ])('refuses %s with VALIDATION_FAILED', async (_, overrides) => {
    const answer = await admin.post('/users', { ...newUser(), ...overrides });
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('deactivating a user closes their sockets and refuses their session cookie from then on', async () => {
    const { input, created, cookie, closed } = await newUserOnline();

    const answer = await admin.patch(`/users/${created.id}`, { active: false });
    expect(answer.body).toMatchObject({ id: created.id, active: false });
    expect(await closed).toBe('io server disconnect');
    expect(await meStatus(cookie)).toBe(401);
    expect((await login(input.username, input.password)).status).toBe(401);

    const pickers = (await admin.get('/users')).body.map((user: UserAccount) => user.id);
    expect(pickers).not.toContain(created.id);
    const everyone = await admin.get('/users?includeInactive=true');
    expect(everyone.body).toContainEqual(expect.objectContaining({ id: created.id, active: false }));

    expect((await admin.patch(`/users/${created.id}`, { active: true })).body.active).toBe(true);
    expect((await login(input.username, input.password)).status).toBe(200);
  });

  it('moves a user to another role and department, signing them out so they come back with the new rights', async () => {
    const input = newUser();
    const created = await create(input);
    const cookie = await loginAs(testApp, input.username, input.password);
    const answer = await admin.patch(`/users/${created.id}`, { role: 'quality_investigator', department: 'quality', displayName: '钱红' });
    expect(answer.body).toMatchObject({ role: 'quality_investigator', department: 'quality', displayName: '钱红', active: true });
    expect(await meStatus(cookie)).toBe(401);
  });

  it('renames a user without signing them out', async () => {
    const input = newUser();
    const created = await create(input);
    const cookie = await loginAs(testApp, input.username, input.password);
    expect((await admin.patch(`/users/${created.id}`, { displayName: '钱晓红' })).status).toBe(200);
    expect((await apiAs(testApp, cookie).get('/auth/me')).body.displayName).toBe('钱晓红');
  });

  it('refuses to let an admin deactivate or demote themselves', async () => {
    const deactivate = await admin.patch(`/users/${adminId}`, { active: false });
    expect({ status: deactivate.status, code: deactivate.body.code }).toEqual({ status: 422, code: 'CANNOT_DEACTIVATE_SELF' });
    const demote = await admin.patch(`/users/${adminId}`, { role: 'department_head' });
    expect({ status: demote.status, code: demote.body.code }).toEqual({ status: 422, code: 'CANNOT_DEMOTE_SELF' });
    expect((await admin.get('/auth/me')).body.role).toBe('admin');
  });

  it('answers 404 USER_NOT_FOUND for an unknown user', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await admin.patch(`/users/${unknown}`, { active: false })).body.code).toBe('USER_NOT_FOUND');
    const reset = await admin.post(`/users/${unknown}/password`, { password: 'neues-passwort' });
    expect({ status: reset.status, code: reset.body.code }).toEqual({ status: 404, code: 'USER_NOT_FOUND' });
  });

  it('an admin password reset refuses the old password, accepts the new one and ends the old sessions', async () => {
    const { input, created, cookie, closed } = await newUserOnline();

    expect((await admin.post(`/users/${created.id}/password`, { password: 'reset-2026-11' })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(await meStatus(cookie)).toBe(401);
    expect((await login(input.username, input.password)).status).toBe(401);
    expect((await login(input.username, 'reset-2026-11')).status).toBe(200);
  });

  describe('changing one’s own password', () => {
    it('keeps the current session, ends the others, and only the new password signs in', async () => {
      const input = newUser();
      await create(input);
      const current = await loginAs(testApp, input.username, input.password);
      const other = await loginAs(testApp, input.username, input.password);

      const answer = await apiAs(testApp, current).post('/auth/password', { currentPassword: input.password, newPassword: 'xinmima-2026' });
      expect(answer.status, JSON.stringify(answer.body)).toBe(204);
      expect(await meStatus(current)).toBe(200);
      expect(await meStatus(other)).toBe(401);
      expect((await login(input.username, input.password)).status).toBe(401);
      expect((await login(input.username, 'xinmima-2026')).status).toBe(200);
    });

    it('refuses a wrong current password with 403 WRONG_PASSWORD, counted like a failed sign-in', async () => {
      const input = newUser();
      await create(input);
      const user = apiAs(testApp, await loginAs(testApp, input.username, input.password));
      const attempt = () => user.post('/auth/password', { currentPassword: 'not-my-password', newPassword: 'xinmima-2026' });
      for (let failures = 0; failures < 5; failures += 1) {
        const answer = await attempt();
        expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 403, code: 'WRONG_PASSWORD' });
      }
      const throttled = await attempt();
      expect({ status: throttled.status, code: throttled.body.code }).toEqual({ status: 429, code: 'LOGIN_THROTTLED' });
      expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await login(input.username, input.password)).status).toBe(429);
    });

    it('refuses a new password shorter than eight characters', async () => {
      const agent = apiAs(testApp, await loginAs(testApp, 'agent'));
      const answer = await agent.post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
      expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'newPassword' })] });
    });
  });

  it('lists inactive accounts to admins only', async () => {
    const agent = apiAs(testApp, await loginAs(testApp, 'agent'));
    expect((await agent.get('/users?includeInactive=true')).status).toBe(403);
    expect((await agent.get('/users')).status).toBe(200);
    expect((await admin.get('/users?includeInactive=perhaps')).body.code).toBe('VALIDATION_FAILED');
  });
});
