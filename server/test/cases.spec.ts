import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_COLUMNS, caseCardSchema } from '@app/shared';
import { seedDemoData } from '../src/database/seed/demo-seed.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

describe('cases', () => {
  let testApp: TestApp;
  let cookie: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    cookie = await loginAs(testApp, 'agent');
  });
  afterAll(() => testApp.close());

  it('starts empty on a fresh database', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/cases`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
  });

  it('lists seeded cases in every column, numbered CP-YYYYMMDD-NNNN', async () => {
    const dataSource = testApp.app.get(DataSource);
    expect(await seedDemoData(dataSource)).toBeGreaterThan(0);
    expect(await seedDemoData(dataSource)).toBe(0);

    const cases = caseCardSchema.array().parse(await (await fetch(`${testApp.baseUrl}/api/cases`, { headers: { cookie } })).json());
    expect(new Set(cases.map((c) => c.column))).toEqual(new Set(CASE_COLUMNS));
    expect(new Set(cases.map((c) => c.number)).size).toBe(cases.length);
  });

  it('answers unknown API routes with a coded 404', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/no-such-thing`, { headers: { 'Accept-Language': 'en' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'NOT_FOUND', message: 'The requested resource does not exist' });
  });
});
