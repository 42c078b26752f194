import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseEventType, CreateCaseInput, TimelineEntry } from '@app/shared';
import { SlaWatch } from '../src/modules/sla/sla-watch.service.js';
import { TimelineService } from '../src/modules/timeline/timeline.service.js';
import { newComplaint } from './support/api-client.js';
import { caseIn, signInTeam, type Team } from './support/case-fixtures.js';
import { connectAs } from './support/socket-client.js';
import { loginAs, seedUsers, startAnotherInstance, startTestApp, type TestApp } from './support/test-app.js';


/** The tests sweep themselves; the watch's own timer must not run in between. */
const NO_TIMER = { SLA_WATCH_INTERVAL_MS: '3600000' };

/** Serious complaints, default policy: first response due after 2 h (warning at 1.5 h), resolution after 24 h (warning at 18 h). */
const SERIOUS = { warning: 1.5, firstResponse: 2, resolutionWarning: 18, resolution: 24 };

/** A few seconds: a crossing that has just happened, well within what the watch looks back over. */
const JUST = 10 / 3600;

const SLA_TYPES: readonly CaseEventType[] = ['sla.warning', 'sla.breached'];

describe('the SLA watch records warnings and breaches on the timeline, once, on real PostgreSQL', () => {
  let instanceA: TestApp;
  let instanceB: TestApp;
  let db: DataSource;
  let team: Team;
  let headCookie: string;
  let operationsId: string;

  const intake = async (overrides: Partial<CreateCaseInput> = {}): Promise<CaseDetail> => {
    const answer = await team.agent.post('/cases', newComplaint({ severity: 'serious', ...overrides }));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  /** The SLA clock runs from intake: moving intake back in time is how a case uses up its time. */
  const takenHoursAgo = (id: string, hours: number) =>
    db.query(`UPDATE cases SET created_at = now() - $2::float8 * interval '1 hour' WHERE id = $1`, [id, hours]);
  const slaEvents = async (id: string): Promise<TimelineEntry[]> =>
    (await instanceA.app.get(TimelineService).list(id)).filter((entry) => SLA_TYPES.includes(entry.type));
  const sweepOn = (instance: TestApp) => instance.app.get(SlaWatch).sweep();

  beforeAll(async () => {
    instanceA = await startTestApp(NO_TIMER);
    instanceB = await startAnotherInstance(instanceA, NO_TIMER);
    await seedUsers(instanceA);
    db = instanceA.app.get(DataSource);
    team = await signInTeam(instanceA);
    headCookie = await loginAs(instanceA, 'head');
    operationsId = (await team.operations.get('/auth/me')).body.id;
  });
  afterAll(async () => {
    await instanceB?.close();
    await instanceA?.close();
  });

  it('records a case past its warning point as one sla.warning by the system, however often it sweeps', async () => {
    const created = await intake();
    await takenHoursAgo(created.id, SERIOUS.warning + JUST);

    await sweepOn(instanceA);
    await sweepOn(instanceA);

    const [warning, ...more] = await slaEvents(created.id);
    expect(more).toEqual([]);
    const [{ due }]: { due: Date }[] = await db.query(`SELECT created_at + interval '2 hours' AS due FROM cases WHERE id = $1`, [created.id]);
    expect(warning).toMatchObject({
      type: 'sla.warning',
      actorId: null,
      actorName: null,
      requestId: null,
      data: { deadline: 'first_response', dueAt: due.toISOString(), severity: 'serious' },
    });
  });

  it('records the breach once past due, after the warning, and the chain still verifies', async () => {
    const created = await intake();
    await takenHoursAgo(created.id, SERIOUS.warning + JUST);
    await sweepOn(instanceA);
    await takenHoursAgo(created.id, SERIOUS.firstResponse + JUST);

    await sweepOn(instanceA);
    await sweepOn(instanceB);

    expect((await slaEvents(created.id)).map((entry) => [entry.type, entry.data.deadline])).toEqual([
      ['sla.warning', 'first_response'],
      ['sla.breached', 'first_response'],
    ]);
    expect(await instanceA.app.get(TimelineService).verify(created.id)).toMatchObject({ valid: true, events: 3, brokenAtSeq: null });
  });

  it('records one event per crossing when both instances sweep at once', async () => {
    const cases = await Promise.all(Array.from({ length: 6 }, () => intake()));
    await Promise.all(cases.map((created, index) => takenHoursAgo(created.id, (index % 2 === 0 ? SERIOUS.warning : SERIOUS.firstResponse) + JUST)));

    await Promise.all([sweepOn(instanceA), sweepOn(instanceB), sweepOn(instanceA), sweepOn(instanceB)]);
    await Promise.all([sweepOn(instanceB), sweepOn(instanceA)]);

    for (const [index, created] of cases.entries()) {
      // Straight past due without being seen in warning: the breach alone.
      expect((await slaEvents(created.id)).map((entry) => entry.type)).toEqual([index % 2 === 0 ? 'sla.warning' : 'sla.breached']);
    }
  });

  it('alerts a head live, whichever instance recorded the breach', async () => {
    const head = await connectAs(instanceA, headCookie);
    try {
      const created = await intake({ title: '冷链药品超时未回复' });
      await takenHoursAgo(created.id, SERIOUS.firstResponse + JUST);

      await sweepOn(instanceB);

      const { payload } = await head.waitFor('sla.breached', (event) => event.caseId === created.id);
      expect(payload).toMatchObject({ actorId: null, data: { deadline: 'first_response', severity: 'serious' } });
    } finally {
      head.close();
    }
  });

  it('moves on to the resolution once the first response is given, and warns for that', async () => {
    const created = await intake();
    await takenHoursAgo(created.id, SERIOUS.firstResponse + JUST);
    await sweepOn(instanceA);
    const moved = await team.agent.post(`/cases/${created.id}/transitions`, { to: 'investigation', version: created.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await takenHoursAgo(created.id, SERIOUS.resolutionWarning + JUST);

    await sweepOn(instanceA);

    expect((await slaEvents(created.id)).map((entry) => [entry.type, entry.data.deadline])).toEqual([
      ['sla.breached', 'first_response'],
      ['sla.warning', 'resolution'],
    ]);
  });

  it('breaches the resolution again after a reopen: a new round against the same deadline', async () => {
    let current = await caseIn(team, 'corrective_action', { readyToLeave: true, preventiveOwnerId: operationsId, intake: { severity: 'serious' } });
    await takenHoursAgo(current.id, SERIOUS.resolution + JUST);
    await sweepOn(instanceA);
    current = (await team.operations.post(`/cases/${current.id}/transitions`, { to: 'follow_up', version: current.version })).body;
    current = (await team.agent.patch(`/cases/${current.id}`, { version: current.version, followUp: { satisfied: false, score: 2 } })).body;
    await sweepOn(instanceA);
    expect(await slaEvents(current.id)).toHaveLength(1);

    const reopened = await team.agent.post(`/cases/${current.id}/transitions`, { to: 'investigation', version: current.version, reason: '客户不认可处理结果' });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    await sweepOn(instanceA);
    await sweepOn(instanceB);

    expect((await slaEvents(current.id)).map((entry) => [entry.type, entry.data.deadline])).toEqual([
      ['sla.breached', 'resolution'],
      ['sla.breached', 'resolution'],
    ]);
  });

  it('leaves crossings from before the watch last looked alone: no flood of old breaches', async () => {
    const longOverdue = await intake({ severity: 'general' });
    await takenHoursAgo(longOverdue.id, 72);

    await sweepOn(instanceA);

    expect(await slaEvents(longOverdue.id)).toEqual([]);
  });

  it('announces nothing twice after a restart', async () => {
    const created = await intake();
    await takenHoursAgo(created.id, SERIOUS.firstResponse + JUST);
    await sweepOn(instanceB);
    await instanceB.close();
    instanceB = await startAnotherInstance(instanceA, NO_TIMER);

    await sweepOn(instanceB);

    expect((await slaEvents(created.id)).map((entry) => entry.type)).toEqual(['sla.breached']);
  });
});
