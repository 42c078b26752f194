import type { CreateCaseInput } from '@app/shared';
import type { TestApp } from './test-app.js';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON requests against the test app as one signed-in user (a `Cookie` header from `loginAs`). */
export function apiAs(testApp: TestApp, cookie: string | null) {
  async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> {
    const response = await fetch(`${testApp.baseUrl}/api${path}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }
  return {
    get: <T = any>(path: string) => request<T>('GET', path),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, body, headers),
    patch: <T = any>(path: string, body?: unknown) => request<T>('PATCH', path, body),
    put: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('PUT', path, body, headers),
    delete: <T = any>(path: string) => request<T>('DELETE', path),
  };
}

export type Api = ReturnType<typeof apiAs>;

let sequence = 0;

/** A complete intake as customer service records it; each call gets its own waybill and phone. */
export function newComplaint(overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  sequence += 1;
  const serial = String(sequence).padStart(4, '0');
  return {
    title: '生鲜包裹延误两天，货物变质',
    channel: 'phone',
    category: 'delay',
    severity: 'important',
    customer: { name: '王芳', phone: `1380013${serial}`, type: 'rational' },
    shipment: { waybill: `KD7700123${serial}`, origin: '上海青浦分拨中心', destination: '杭州萧山营业部', declaredValue: 300 },
    facts: { description: '客户称包裹承诺次日达，实际延误两天，冷链生鲜已变质。', location: '杭州市萧山区' },
    claim: { amount: 300, remedies: ['compensation'] },
    ...overrides,
  };
}
