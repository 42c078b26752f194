import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

describe('OpenAPI document at /api/docs', () => {
  let testApp: TestApp;
  let cookie: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    cookie = await loginAs(testApp, 'legal');
  });
  afterAll(() => testApp.close());

  it.each(['/api/docs', '/api/docs/openapi.json', '/api/docs/openapi.yaml', '/api/docs-json', '/api/docs-yaml'])(
    '%s is only for signed-in users',
    async (path) => {
      const response = await fetch(`${testApp.baseUrl}${path}`);
      expect([401, 404]).toContain(response.status);
      expect((await response.json()).code).toMatch(/^(UNAUTHENTICATED|NOT_FOUND)$/);
    },
  );

  it('lists the routes with the request bodies of the shared schemas', async () => {
    const document = await (await fetch(`${testApp.baseUrl}/api/docs/openapi.json`, { headers: { cookie } })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/cases', '/api/cases/{id}', '/api/cases/{id}/transitions', '/api/cases/{id}/approvals', '/api/auth/login']),
    );
    const move = document.paths['/api/cases/{id}/transitions'].post.requestBody.content['application/json'].schema;
    expect(move.required).toEqual(expect.arrayContaining(['to', 'version']));
    expect(move.properties.to.enum).toContain('compensation');
    expect(move.additionalProperties).toBe(false);
    const intake = document.paths['/api/cases'].post.requestBody.content['application/json'].schema;
    expect(intake.properties.customer.properties.phone).toBeDefined();
  });

  it('describes query strings and path parameters from the schemas the server checks them with', async () => {
    const document = await (await fetch(`${testApp.baseUrl}/api/docs/openapi.json`, { headers: { cookie } })).json();
    const parameters = (path: string) =>
      Object.fromEntries(document.paths[path].get.parameters.map((parameter: any) => [`${parameter.in} ${parameter.name}`, parameter]));

    const board = parameters('/api/board');
    expect(Object.keys(board)).toEqual(expect.arrayContaining(['query q', 'query severity', 'query swimlane', 'query sla']));
    expect(board['query q'].required).toBe(false);
    const page = parameters('/api/board/columns/{column}');
    expect(page['path column'].schema.enum).toEqual(['intake', 'investigation', 'compensation', 'corrective_action', 'follow_up', 'closed']);
    expect(page['query cursor'].required).toBe(true);
  });

  it('tells that the settings are versioned: ETag on reading, If-Match and 409 on saving', async () => {
    const document = await (await fetch(`${testApp.baseUrl}/api/docs/openapi.json`, { headers: { cookie } })).json();
    for (const path of ['/api/settings/approval-policy', '/api/settings/sla-policy']) {
      expect(document.paths[path].get.responses['200'].headers.ETag).toBeDefined();
      expect(document.paths[path].put.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header', required: false }));
      expect(document.paths[path].put.responses['409']).toBeDefined();
    }
  });

  it('serves the interactive page', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/docs`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });
});
