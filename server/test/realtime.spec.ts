import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { liveCaseEventSchema, type CaseDetail } from '@app/shared';
import { DataSource } from 'typeorm';
import { sessionIdOf } from '../src/modules/auth/session-token.js';
import { SessionWatch } from '../src/modules/realtime/session-watch.js';
import { TimelineService } from '../src/modules/timeline/timeline.service.js';
import { apiAs, newComplaint, type Api } from './support/api-client.js';
import { connectAs, refusalOf, type RecordingClient } from './support/socket-client.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

const RESUME_LIMIT = 20;
const EDITING_TIMEOUT_MS = 300;
const ACK_TIMEOUT_MS = 5_000;

describe('realtime: live case events, catch-up and presence over Socket.IO', () => {
  let testApp: TestApp;
  const cookie: Record<string, string> = {};
  const as: Record<string, Api> = {};
  const userId: Record<string, string> = {};
  const clients: RecordingClient[] = [];

  beforeAll(async () => {
    testApp = await startTestApp({}, { resumeLimit: RESUME_LIMIT, editingTimeoutMs: EDITING_TIMEOUT_MS });
    await seedUsers(testApp);
    for (const username of ['agent', 'quality', 'head', 'supervisor']) {
      cookie[username] = await loginAs(testApp, username);
      as[username] = apiAs(testApp, cookie[username]);
      userId[username] = (await as[username].get('/auth/me')).body.id;
    }
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => testApp.close());

  async function connect(username: string): Promise<RecordingClient> {
    const client = await connectAs(testApp, cookie[username]);
    clients.push(client);
    return client;
  }

  async function intake(requestId = randomUUID()): Promise<CaseDetail> {
    const answer = await as.agent.post('/cases', newComplaint(), { 'X-Request-Id': requestId });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }

  const move = (api: Api, current: CaseDetail, to: string, requestId: string) =>
    api.post(`/cases/${current.id}/transitions`, { to, version: current.version }, { 'X-Request-Id': requestId });

  const committedSince = (seq: number) => testApp.app.get(TimelineService).since(seq, 10_000);

  describe('the handshake', () => {
    it('refuses a connection without a session', async () => {
      const refusal = await refusalOf(testApp, null);
      expect(refusal.data).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('refuses a connection with an unknown or malformed session cookie', async () => {
      expect((await refusalOf(testApp, `sid=${'A'.repeat(43)}`)).data?.code).toBe('UNAUTHENTICATED');
      expect((await refusalOf(testApp, 'sid=garbage')).data?.code).toBe('UNAUTHENTICATED');
    });

    it('tells a signed-in connection who it is and where the stream starts', async () => {
      const client = await connect('quality');
      const ready = await client.ready;
      expect(ready.user).toEqual({ userId: userId.quality, displayName: '张敏', role: 'quality_investigator' });
      expect(ready.latestSeq).toBeGreaterThanOrEqual(0);
    });
  });

  describe('the session behind a connection', () => {
    const closedByServer = (client: RecordingClient) =>
      new Promise<string>((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));

    it('signing out closes that session’s connections and leaves the user’s other sessions connected', async () => {
      const [signingOut, elsewhere] = [await loginAs(testApp, 'agent'), await loginAs(testApp, 'agent')];
      const [leaving, staying] = [await connectAs(testApp, signingOut), await connectAs(testApp, elsewhere)];
      clients.push(leaving, staying);
      const closed = closedByServer(leaving);

      expect((await apiAs(testApp, signingOut).post('/auth/logout', {})).status).toBe(204);

      expect(await closed).toBe('io server disconnect');
      const stillAnswered = await staying.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync.resume', { lastSeq: 0 });
      expect(stillAnswered).toMatchObject({ ok: true });
      expect((await refusalOf(testApp, signingOut)).data?.code).toBe('UNAUTHENTICATED');
    });

    it('the periodic check closes the connections of a session that expired while they were open', async () => {
      const expiring = await loginAs(testApp, 'quality');
      const client = await connectAs(testApp, expiring);
      clients.push(client);
      const closed = closedByServer(client);

      await testApp.app.get(DataSource).query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        sessionIdOf(expiring.slice('sid='.length)),
      ]);
      await testApp.app.get(SessionWatch).closeEndedSessions();

      expect(await closed).toBe('io server disconnect');
    });
  });

  describe('live events', () => {
    it('broadcasts a move as case.moved with its seq and the caller’s X-Request-Id', async () => {
      const watcher = await connect('head');
      const mover = await connect('agent');
      const created = await intake();
      const requestId = `move-${randomUUID()}`;
      const answer = await move(as.agent, created, 'investigation', requestId);
      expect(answer.status).toBe(200);

      for (const client of [watcher, mover]) {
        const { payload } = await client.waitFor('case.moved', (event) => event.requestId === requestId);
        expect(liveCaseEventSchema.parse(payload)).toMatchObject({
          caseId: created.id,
          type: 'case.moved',
          requestId,
          actorId: userId.agent,
          actorName: '王晓燕',
          data: { from: 'intake', to: 'investigation' },
        });
        expect(payload.seq).toBeGreaterThan((await client.ready).latestSeq);
      }
    });

    it('delivers concurrent commits in seq order, each exactly once, and only committed ones', async () => {
      const observer = await connect('head');
      const { latestSeq } = await observer.ready;
      const requestIds = Array.from({ length: 15 }, () => randomUUID());
      await Promise.all(requestIds.map((requestId) => intake(requestId)));
      for (const requestId of requestIds) await observer.waitFor('case.created', (event) => event.requestId === requestId);

      const seen = observer.caseEvents().map((event) => event.seq);
      expect(seen).toEqual((await committedSince(latestSeq)).map((entry) => entry.seq));
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('emits nothing for refused moves (422, 409, 403)', async () => {
      const observer = await connect('head');
      const created = await intake();
      const moved = await move(as.agent, created, 'investigation', randomUUID());
      expect(moved.status).toBe(200);
      await observer.waitFor('case.moved', (event) => event.caseId === created.id);
      const from = observer.received.length;

      const notAMove = await move(as.quality, moved.body, 'closed', 'refused-422');
      expect(notAMove.status).toBe(422);
      const stale = await move(as.quality, created, 'compensation', 'refused-409');
      expect(stale.status).toBe(409);
      const wrongRole = await move(as.agent, moved.body, 'compensation', 'refused-403');
      expect(wrongRole.status).toBe(403);

      // Events go out in commit order: had a refusal emitted anything, it would precede this one.
      const marker = randomUUID();
      await intake(marker);
      await observer.waitFor('case.created', (event) => event.requestId === marker, from);
      expect(observer.caseEvents(from).map((event) => event.requestId)).toEqual([marker]);
    });
  });

  describe('catching up after a disconnect', () => {
    it('replays exactly what a dropped client missed, in order, then goes on live', async () => {
      const first = await connect('agent');
      const { latestSeq: start } = await first.ready;
      const before = await intake();
      await first.waitFor('case.created', (event) => event.caseId === before.id);
      first.close();

      const missedCases = [await intake(), await intake()];
      for (const missed of missedCases) expect((await move(as.agent, missed, 'investigation', randomUUID())).status).toBe(200);

      const back = await connect('agent');
      const lastSeq = Math.max(...first.caseEvents().map((event) => event.seq));
      const ack = await back.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync.resume', { lastSeq });
      expect(ack).toMatchObject({ ok: true, replayed: 4 });
      const after = await intake();
      await back.waitFor('case.created', (event) => event.caseId === after.id);

      const seen = [...first.caseEvents(), ...back.caseEvents()].map((event) => event.seq);
      expect(seen).toEqual((await committedSince(start)).map((entry) => entry.seq));
      expect(back.caseEvents().map((event) => event.type)).toEqual(['case.created', 'case.created', 'case.moved', 'case.moved', 'case.created']);
    });

    it('sends nothing twice when a resume overlaps what already arrived live', async () => {
      const client = await connect('agent');
      const { latestSeq } = await client.ready;
      const created = await intake();
      const live = await client.waitFor('case.created', (event) => event.caseId === created.id);

      const ack = await client.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync.resume', { lastSeq: latestSeq });
      expect(ack).toEqual({ ok: true, replayed: 0, throughSeq: live.payload.seq });
      const marker = await intake();
      await client.waitFor('case.created', (event) => event.caseId === marker.id);
      expect(client.caseEvents().map((event) => event.caseId)).toEqual([created.id, marker.id]);
    });

    it('tells a client too far behind to reload instead of replaying', async () => {
      const client = await connect('agent');
      const { latestSeq } = await client.ready;
      await Promise.all(Array.from({ length: RESUME_LIMIT + 1 }, () => intake()));

      const ack = await client.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync.resume', { lastSeq: latestSeq });
      expect(ack).toMatchObject({ ok: true, reload: true });
      const { payload } = await client.waitFor('sync.reload');
      expect(payload.latestSeq).toBe((ack as { latestSeq: number }).latestSeq);
      expect(payload.latestSeq).toBeGreaterThanOrEqual(latestSeq + RESUME_LIMIT + 1);
      expect(client.received.filter((entry) => entry.event === 'sync.reload')).toHaveLength(1);
    });

    it('tells a client that claims a position the log never reached to reload', async () => {
      const client = await connect('agent');
      const ack = await client.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('sync.resume', { lastSeq: 1_000_000_000 });
      expect(ack).toMatchObject({ ok: true, reload: true });
      const live = await intake();
      await client.waitFor('case.created', (event) => event.caseId === live.id);
    });
  });

  describe('presence', () => {
    const viewerIds = (payload: any) => payload.viewers.map((viewer: { userId: string }) => viewer.userId).sort();

    it('shows who has a case open and who edits which field, cleared on idle, timeout, close and disconnect', async () => {
      const created = await intake();
      const colleague = await connect('quality');
      const agent = await connect('agent');
      const board = await connect('head');
      const forCase = (payload: any) => payload.caseId === created.id;

      const opened = await colleague.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.open', { caseId: created.id });
      expect(opened).toMatchObject({ ok: true, presence: { caseId: created.id, editors: [] } });
      expect(viewerIds((opened as any).presence)).toEqual([userId.quality]);
      await board.waitFor('presence.changed', (p) => forCase(p) && viewerIds(p).includes(userId.quality));

      expect((await agent.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.open', { caseId: created.id })).ok).toBe(true);
      const both = [userId.agent, userId.quality].sort();
      await colleague.waitFor('presence.changed', (p) => forCase(p) && viewerIds(p).join() === both.join());
      await board.waitFor('presence.changed', (p) => forCase(p) && viewerIds(p).join() === both.join());

      let from = colleague.received.length;
      expect((await agent.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('field.editing', { caseId: created.id, field: 'title' })).ok).toBe(true);
      const editing = await colleague.waitFor('presence.changed', (p) => forCase(p) && p.editors.length === 1, from);
      expect(editing.payload.editors).toEqual([{ userId: userId.agent, displayName: '王晓燕', field: 'title' }]);

      from = colleague.received.length;
      expect((await agent.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('field.idle', { caseId: created.id, field: 'title' })).ok).toBe(true);
      await colleague.waitFor('presence.changed', (p) => forCase(p) && p.editors.length === 0, from);

      from = colleague.received.length;
      await agent.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('field.editing', { caseId: created.id, field: 'facts.description' });
      await colleague.waitFor('presence.changed', (p) => forCase(p) && p.editors[0]?.field === 'facts.description', from);
      // No renewal: the editing expires by itself.
      const expired = await colleague.waitFor('presence.changed', (p) => forCase(p) && p.editors.length === 0, from);
      expect(viewerIds(expired.payload)).toEqual(both);

      const latecomer = await connect('supervisor');
      const ready = await latecomer.ready;
      expect(ready.presence.find(forCase)).toMatchObject({ editors: [] });
      expect(viewerIds(ready.presence.find(forCase))).toEqual(both);

      from = colleague.received.length;
      agent.close();
      await colleague.waitFor('presence.changed', (p) => forCase(p) && viewerIds(p).join() === userId.quality, from);
      await board.waitFor('presence.changed', (p) => forCase(p) && viewerIds(p).join() === userId.quality);

      expect((await colleague.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.close', { caseId: created.id })).ok).toBe(true);
      await board.waitFor('presence.changed', (p) => forCase(p) && p.viewers.length === 0);

      // The board never learns who edits what, only who looks.
      const boardPresence = board.received.filter((entry) => entry.event === 'presence.changed');
      expect(boardPresence.every((entry) => entry.payload.editors.length === 0)).toBe(true);
    });

    it('refuses to open a case that does not exist', async () => {
      const client = await connect('agent');
      const ack = await client.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.open', { caseId: randomUUID() });
      expect(ack).toMatchObject({ ok: false, code: 'CASE_NOT_FOUND' });
    });
  });

  describe('bad input', () => {
    const garbage: unknown[] = [undefined, null, 42, 'text', [], {}, { caseId: 'not-a-uuid' }, { lastSeq: -1 }, { lastSeq: 'a' }, { caseId: randomUUID(), field: 'drop table' }];

    it('answers garbage with an error acknowledgement and keeps the connection, and everyone else’s, working', async () => {
      const bystander = await connect('head');
      type Loose = { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<any> } };
      for (const event of ['sync.resume', 'case.open', 'case.close', 'field.editing', 'field.idle']) {
        // One connection per event keeps each under the rate limit.
        const loose = (await connect('agent')).socket as unknown as Loose;
        for (const payload of garbage) {
          const ack = await loose.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
          expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
          expect(typeof ack.message).toBe('string');
        }
      }
      const sender = await connect('agent');
      const loose = sender.socket as unknown as Loose;
      const extraField = await loose.timeout(ACK_TIMEOUT_MS).emitWithAck('case.close', { caseId: randomUUID(), extra: true });
      expect(extraField).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      // Without an acknowledgement to answer, and for events nobody handles: ignored.
      (sender.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit('case.open', 'garbage');
      (sender.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit('no.such.event', { x: 1 });

      const created = await intake();
      await bystander.waitFor('case.created', (event) => event.caseId === created.id);
      await sender.waitFor('case.created', (event) => event.caseId === created.id);
      expect((await sender.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.open', { caseId: created.id })).ok).toBe(true);
    });

    it('closes only the connection that sends an oversized message', async () => {
      const abuser = await connect('agent');
      const bystander = await connect('head');
      const closed = new Promise((resolve) => abuser.socket.once('disconnect', resolve));
      abuser.socket.emit('case.open', { caseId: 'x'.repeat(64 * 1024) } as never, () => undefined);
      await closed;

      const created = await intake();
      await bystander.waitFor('case.created', (event) => event.caseId === created.id);
    });

    it('rate-limits each connection on its own: a burst, then RATE_LIMITED', async () => {
      const flooder = await connect('agent');
      const calm = await connect('quality');
      const caseId = randomUUID();
      const acks = await Promise.all(
        Array.from({ length: 60 }, () => flooder.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.close', { caseId })),
      );
      const limited = acks.filter((ack) => !ack.ok);
      expect(acks.filter((ack) => ack.ok).length).toBeGreaterThanOrEqual(40);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: '实时消息发送过于频繁，请稍后再试' });

      expect((await calm.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.close', { caseId })).ok).toBe(true);
      // Tokens come back with time: the flooder is served again.
      await vi.waitFor(async () => expect((await flooder.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('case.close', { caseId })).ok).toBe(true), {
        timeout: 5_000,
        interval: 100,
      });
    });
  });
});
