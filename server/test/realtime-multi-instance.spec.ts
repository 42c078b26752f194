import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '@app/shared';
import { TimelineService } from '../src/modules/timeline/timeline.service.js';
import { apiAs, newComplaint, type Api } from './support/api-client.js';
import { connectAs, type RecordingClient } from './support/socket-client.js';
import { loginAs, seedUsers, startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';

const ACK_TIMEOUT_MS = 5_000;

/** The Redis adapter runs too where a Redis is at hand: TEST_REDIS_URL=redis://127.0.0.1:6379. */
const adapters: [string, Record<string, string>][] = [
  ['PostgreSQL', {}],
  ...(process.env.TEST_REDIS_URL ? [['Redis', { REDIS_URL: process.env.TEST_REDIS_URL }] as [string, Record<string, string>]] : []),
];

describe.each(adapters)('realtime across two server instances on one database (%s adapter)', (_adapter, overrides) => {
  let instanceA: TestApp;
  let instanceB: TestApp;
  const cookie: Record<string, string> = {};
  const through: Record<'A' | 'B', Api> = {} as never;
  const userId: Record<string, string> = {};
  let onA: RecordingClient;
  let onB: RecordingClient;

  beforeAll(async () => {
    instanceA = await startTestApp(overrides);
    instanceB = await startAnotherInstance(instanceA, overrides);
    await seedUsers(instanceA);
    for (const username of ['agent', 'head', 'quality']) {
      cookie[username] = await loginAs(instanceA, username);
      userId[username] = (await apiAs(instanceA, cookie[username]).get('/auth/me')).body.id;
    }
    through.A = apiAs(instanceA, cookie.agent);
    through.B = apiAs(instanceB, cookie.agent);
    onA = await connectAs(instanceA, cookie.head);
    onB = await connectAs(instanceB, cookie.quality);
  });
  afterAll(async () => {
    onA?.close();
    onB?.close();
    await instanceB?.close();
    await instanceA?.close();
  });

  async function intake(api: Api, requestId = randomUUID()): Promise<CaseDetail> {
    const answer = await api.post('/cases', newComplaint(), { 'X-Request-Id': requestId });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }

  it('shows a client on A the move made through B, and B’s own client too, once each', async () => {
    const created = await intake(through.A);
    const requestId = `move-${randomUUID()}`;
    const moved = await through.B.post(`/cases/${created.id}/transitions`, { to: 'investigation', version: created.version }, { 'X-Request-Id': requestId });
    expect(moved.status).toBe(200);

    for (const client of [onA, onB]) {
      const { payload } = await client.waitFor('case.moved', (event) => event.requestId === requestId);
      expect(payload).toMatchObject({ caseId: created.id, data: { from: 'intake', to: 'investigation' }, actorId: userId.agent });
    }
    // Marker through A: when it has arrived, any duplicate of the move would have too.
    const marker = await intake(through.A);
    for (const client of [onA, onB]) {
      await client.waitFor('case.created', (event) => event.caseId === marker.id);
      expect(client.caseEvents().filter((event) => event.requestId === requestId)).toHaveLength(1);
    }
  });

  it('delivers commits made concurrently on both instances to every client in seq order, each exactly once', async () => {
    const [fromA, fromB] = [onA.received.length, onB.received.length];
    const start = Math.max(0, ...onA.caseEvents().map((event) => event.seq));
    const requestIds = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(requestIds.map((requestId, index) => intake(index % 2 === 0 ? through.A : through.B, requestId)));

    const committed = (await instanceA.app.get(TimelineService).since(start, 10_000)).map((entry) => entry.seq);
    for (const [client, from] of [[onA, fromA], [onB, fromB]] as const) {
      for (const requestId of requestIds) await client.waitFor('case.created', (event) => event.requestId === requestId, from);
      expect(client.caseEvents(from).map((event) => event.seq)).toEqual(committed);
    }
  });

  it('signing out through B closes that session’s connection on A', async () => {
    const session = await loginAs(instanceA, 'legal');
    const client = await connectAs(instanceA, session);
    const closed = new Promise<string>((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));

    expect((await apiAs(instanceB, session).post('/auth/logout', {})).status).toBe(204);

    expect(await closed).toBe('io server disconnect');
  });

  it('shares presence: who has a case open on one instance shows on the other', async () => {
    const created = await intake(through.A);
    const forCase = (payload: any) => payload.caseId === created.id;
    const viewerIds = (payload: any) => payload.viewers.map((viewer: { userId: string }) => viewer.userId).sort();

    expect((await onA.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.open', { caseId: created.id })).ok).toBe(true);
    await onB.waitFor('presence.changed', (p) => forCase(p) && viewerIds(p).join() === userId.head);

    const opened = await onB.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.open', { caseId: created.id });
    expect(viewerIds((opened as any).presence)).toEqual([userId.head, userId.quality].sort());
    const from = onA.received.length;
    await onB.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('field.editing', { caseId: created.id, field: 'title' });
    const editing = await onA.waitFor('presence.changed', (p) => forCase(p) && p.editors.length === 1, from);
    expect(editing.payload.editors).toEqual([{ userId: userId.quality, displayName: '张敏', field: 'title' }]);

    onB.close();
    await onA.waitFor('presence.changed', (p) => forCase(p) && viewerIds(p).join() === userId.head && p.editors.length === 0, from);
  });
});
