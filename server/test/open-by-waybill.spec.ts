import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseColumnSchema } from '@app/shared';
import { z } from 'zod';
import { apiAs, newComplaint, type Api } from './support/api-client.js';
import { caseIn, type Team } from './support/case-fixtures.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

const openCaseSchema = z.strictObject({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  column: caseColumnSchema,
  customerName: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});

describe('GET /api/cases/open-by-waybill', () => {
  let testApp: TestApp;
  const team = {} as Team;
  let operationsId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    for (const username of ['agent', 'supervisor', 'quality', 'operations', 'legal', 'head', 'admin'] as const) {
      team[username] = apiAs(testApp, await loginAs(testApp, username));
    }
    operationsId = (await team.operations.get('/auth/me')).body.id;
  });
  afterAll(() => testApp.close());

  const openFor = async (api: Api, waybill: string) => {
    const answer = await api.get(`/cases/open-by-waybill?waybill=${encodeURIComponent(waybill)}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return openCaseSchema.array().parse(answer.body);
  };

  it('lists the open cases of that waybill, newest first, and leaves out closed ones and other parcels', async () => {
    const waybill = 'SF1400000001';
    const intake = { shipment: { waybill, origin: '深圳宝安', destination: '北京朝阳' } };
    const closed = await caseIn(team, 'closed', { preventiveOwnerId: operationsId, intake });
    const investigating = await caseIn(team, 'investigation', { preventiveOwnerId: operationsId, intake });
    const fresh = (await team.agent.post('/cases', newComplaint(intake))).body;
    await team.agent.post('/cases', newComplaint({ shipment: { waybill: 'SF1400000002', origin: '深圳', destination: '北京' } }));

    const open = await openFor(team.quality, waybill);
    expect(open.map((card) => card.number)).toEqual([fresh.number, investigating.number]);
    expect(open.map((card) => card.column)).toEqual(['intake', 'investigation']);
    expect(open.map((card) => card.number)).not.toContain(closed.number);
  });

  it('matches a waybill typed in other letter case, as agents hear it on the phone', async () => {
    const created = (await team.agent.post('/cases', newComplaint({ shipment: { waybill: 'YT7700009', origin: '杭州', destination: '南京' } }))).body;
    expect((await openFor(team.agent, 'yt7700009')).map((card) => card.id)).toEqual([created.id]);
  });

  it('answers an empty list for a parcel with no open case', async () => {
    expect(await openFor(team.agent, 'ZT0000000000')).toEqual([]);
  });

  it.each([
    ['a missing waybill', ''],
    ['a malformed waybill', '?waybill=%E8%BF%90%E5%8D%95'],
    ['a too short waybill', '?waybill=AB1'],
    ['an unknown parameter', '?waybill=SF1400000001&status=open'],
  ])('refuses %s with a coded 400', async (_name, query) => {
    const answer = await team.agent.get(`/cases/open-by-waybill${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });

  it('needs a session', async () => {
    const answer = await apiAs(testApp, null).get('/cases/open-by-waybill?waybill=SF1400000001');
    expect(answer.status).toBe(401);
  });
});
