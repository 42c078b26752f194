import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '@app/shared';
import { apiAs, newComplaint, type Api } from './support/api-client.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

interface BadRequest {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  path: (c: CaseDetail) => string;
  /** A string is sent as is (malformed JSON); anything else as JSON. */
  body?: unknown;
  contentType?: string;
  status: number;
  code: string;
}

const complaint = newComplaint();
const withCustomer = (customer: object) => ({ ...complaint, customer: { ...complaint.customer, ...customer } });
const withClaim = (claim: object) => ({ ...complaint, claim });

/** Bad payloads against the real server: each a 4xx with a code and a message in both locales, never a 500. */
const BAD_REQUESTS: BadRequest[] = [
  { name: 'malformed JSON', method: 'POST', path: () => '/cases', body: '{"title": "缺少结尾', status: 400, code: 'MALFORMED_JSON' },
  { name: 'JSON array instead of object', method: 'POST', path: () => '/cases', body: [complaint], status: 400, code: 'VALIDATION_FAILED' },
  { name: 'JSON null', method: 'POST', path: () => '/cases', body: 'null', status: 400, code: 'MALFORMED_JSON' },
  { name: 'empty object', method: 'POST', path: () => '/cases', body: {}, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'title of the wrong type', method: 'POST', path: () => '/cases', body: { ...complaint, title: 42 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'unknown field', method: 'POST', path: () => '/cases', body: { ...complaint, isAdmin: true }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'unknown nested field', method: 'POST', path: () => '/cases', body: withCustomer({ vip: true }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'over-long title', method: 'POST', path: () => '/cases', body: { ...complaint, title: '长'.repeat(201) }, status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'over-long description',
    method: 'POST',
    path: () => '/cases',
    body: { ...complaint, facts: { description: 'x'.repeat(5001) } },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  { name: 'NUL character', method: 'POST', path: () => '/cases', body: { ...complaint, title: 'a\u0000b' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'unknown category', method: 'POST', path: () => '/cases', body: { ...complaint, category: 'alien' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'bad phone', method: 'POST', path: () => '/cases', body: withCustomer({ phone: 'call me' }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'negative amount', method: 'POST', path: () => '/cases', body: withClaim({ amount: -1 }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'absurd amount', method: 'POST', path: () => '/cases', body: withClaim({ amount: 1e12 }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'fraction of a fen', method: 'POST', path: () => '/cases', body: withClaim({ amount: 0.001 }), status: 400, code: 'VALIDATION_FAILED' },
  { name: 'amount as a string', method: 'POST', path: () => '/cases', body: withClaim({ amount: '100' }), status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'unknown owner',
    method: 'POST',
    path: () => '/cases',
    body: { ...complaint, ownerId: '00000000-0000-4000-8000-000000000000' },
    status: 422,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'text/plain body',
    method: 'POST',
    path: () => '/cases',
    body: JSON.stringify(complaint),
    contentType: 'text/plain',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  { name: 'body over the size limit', method: 'POST', path: () => '/cases', body: { ...complaint, padding: 'x'.repeat(300_000) }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'edit without version', method: 'PATCH', path: (c) => `/cases/${c.id}`, body: { title: '新标题' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'edit with version 0', method: 'PATCH', path: (c) => `/cases/${c.id}`, body: { version: 0 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'edit of an unknown case', method: 'PATCH', path: () => '/cases/00000000-0000-4000-8000-000000000000', body: { version: 1, title: 'x' }, status: 404, code: 'CASE_NOT_FOUND' },
  { name: 'edit clearing the waybill', method: 'PATCH', path: (c) => `/cases/${c.id}`, body: { version: 1, shipment: { waybill: null } }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'move to an unknown column', method: 'POST', path: (c) => `/cases/${c.id}/transitions`, body: { to: 'archived', version: 1 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'move with version as string', method: 'POST', path: (c) => `/cases/${c.id}/transitions`, body: { to: 'investigation', version: '1' }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'move that is not a move', method: 'POST', path: (c) => `/cases/${c.id}/transitions`, body: { to: 'closed', version: 1 }, status: 422, code: 'NOT_A_MOVE' },
  { name: 'move of an unknown case', method: 'POST', path: () => '/cases/CP-20000101-0001/transitions', body: { to: 'investigation', version: 1 }, status: 404, code: 'CASE_NOT_FOUND' },
  { name: 'approval with unknown decision', method: 'POST', path: (c) => `/cases/${c.id}/approvals`, body: { decision: 'maybe', amount: 10 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'rejection without reason', method: 'POST', path: (c) => `/cases/${c.id}/approvals`, body: { decision: 'rejected', amount: 10 }, status: 400, code: 'VALIDATION_FAILED' },
  { name: 'customer lookup without phone', method: 'GET', path: () => '/customers/lookup', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'customer lookup with repeated phone', method: 'GET', path: () => '/customers/lookup?phone=13800138000&phone=13900139000', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'customer lookup of a stranger', method: 'GET', path: () => '/customers/lookup?phone=13000000000', status: 404, code: 'CUSTOMER_NOT_FOUND' },
  { name: 'policy with garbage tiers', method: 'PUT', path: () => '/settings/approval-policy', body: { tiers: 'all' }, status: 403, code: 'FORBIDDEN' },
  { name: 'users listed with a garbled flag', method: 'GET', path: () => '/users?includeInactive=perhaps', status: 400, code: 'VALIDATION_FAILED' },
  { name: 'inactive users asked for by a non-admin', method: 'GET', path: () => '/users?includeInactive=true', status: 403, code: 'FORBIDDEN' },
  { name: 'user created by a non-admin', method: 'POST', path: () => '/users', body: { username: 'x' }, status: 403, code: 'FORBIDDEN' },
  { name: 'own password without the current one', method: 'POST', path: () => '/auth/password', body: { newPassword: 'long-enough' }, status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'own password too short',
    method: 'POST',
    path: () => '/auth/password',
    body: { currentPassword: 'demo1234', newPassword: 'short' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'own password with an unknown field',
    method: 'POST',
    path: () => '/auth/password',
    body: { currentPassword: 'demo1234', newPassword: 'long-enough', userId: 'someone-else' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  { name: 'unknown route', method: 'GET', path: () => '/nothing-here', status: 404, code: 'NOT_FOUND' },
];

describe('bad input never gives a 500', () => {
  let testApp: TestApp;
  let cookie: string;
  let agent: Api;
  let target: CaseDetail;

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    cookie = await loginAs(testApp, 'agent');
    agent = apiAs(testApp, cookie);
    target = (await agent.post('/cases', newComplaint())).body;
  });
  afterAll(() => testApp.close());

  it.each(BAD_REQUESTS.map((request) => [request.name, request] as const))('%s', async (_, request) => {
    const response = await fetch(`${testApp.baseUrl}/api${request.path(target)}`, {
      method: request.method,
      headers: {
        cookie,
        'Accept-Language': 'en',
        ...(request.body === undefined ? {} : { 'Content-Type': request.contentType ?? 'application/json' }),
      },
      body: request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
    });
    const body = await response.json();
    expect({ status: response.status, code: body.code }).toEqual({ status: request.status, code: request.code });
    expect(body.message).toBe(body.messages.en);
    expect(body.messages['zh-CN']).toMatch(/\p{Script=Han}/u);
  });

  it('names each invalid field', async () => {
    const answer = await agent.post('/cases', { ...newComplaint(), title: '', claim: { amount: -5 } });
    expect(answer.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'title' }), expect.objectContaining({ path: 'claim.amount' })]),
    );
  });

  it('loses nothing: the case is unchanged after all of that', async () => {
    const after = (await agent.get(`/cases/${target.id}`)).body;
    expect(after).toEqual(target);
  });
});
