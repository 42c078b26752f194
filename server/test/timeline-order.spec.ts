import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, newComplaint, type Api } from './support/api-client.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

/** Same key as TimelineService. */
const EVENT_ORDER_LOCK_KEY = 7_301_202_612;

describe('the timeline’s global sequence', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let agent: Api;

  beforeAll(async () => {
    testApp = await startTestApp();
    dataSource = testApp.app.get(DataSource);
    await seedUsers(testApp);
    agent = apiAs(testApp, await loginAs(testApp, 'agent'));
  });
  afterAll(() => testApp.close());

  it('is drawn only once the event-order lock is held, so a later commit never carries an earlier seq', async () => {
    const created = (await agent.post('/cases', newComplaint())).body;
    // Another case: an event on the moving one would wait for its row lock, held by the move.
    const other = (await agent.post('/cases', newComplaint())).body;
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT pg_advisory_xact_lock($1)', [EVENT_ORDER_LOCK_KEY]);

    const moving = agent.post(`/cases/${created.id}/transitions`, { to: 'investigation', version: created.version });
    for (;;) {
      const [{ waiting }]: { waiting: number }[] = await dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'`,
      );
      if (waiting > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The holder appends and commits while the move waits for the lock inside its own append.
    const [{ seq }]: { seq: string }[] = await holder.query(
      `INSERT INTO case_events (case_id, type, data) VALUES ($1, 'case.updated', '{"changes": []}') RETURNING seq`,
      [other.id],
    );
    await holder.commitTransaction();
    await holder.release();

    expect((await moving).status).toBe(200);
    const timeline: { seq: number; type: string }[] = (await agent.get(`/cases/${created.id}/timeline`)).body;
    expect(timeline.find((entry) => entry.type === 'case.moved')!.seq).toBeGreaterThan(Number(seq));
  });
});
