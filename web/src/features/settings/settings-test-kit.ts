import { vi } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode } from '@app/shared';
import { json } from '../case-drawer/drawer-test-kit.js';

export const apiRefusal = (status: number, code: ErrorCode, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  json(status, { code, message: ERROR_MESSAGES[code][locale], messages: ERROR_MESSAGES[code] });

/**
 * One setting's endpoint as the server keeps it: GET answers with an ETag, a PUT naming a stale
 * one is refused with 409 and what is stored now. `savedElsewhere` plays a second admin.
 */
export function stubSettingApi<T>(path: string, initial: T) {
  let saves = 0;
  let stored = { value: initial, version: '"v0"' };
  const puts: { body: T; ifMatch: string | null }[] = [];
  let refusal: Response | null = null;
  const answer = () => new Response(JSON.stringify(stored.value), { status: 200, headers: { 'Content-Type': 'application/json', ETag: stored.version } });
  const store = (value: T) => {
    saves += 1;
    stored = { value, version: `"v${saves}"` };
  };

  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url !== `/api${path}`) throw new Error(`unexpected request ${url}`);
    if ((init?.method ?? 'GET') === 'GET') return answer();
    const body = JSON.parse(String(init!.body)) as T;
    const ifMatch = new Headers(init!.headers).get('If-Match');
    puts.push({ body, ifMatch });
    if (refusal) {
      const refused = refusal;
      refusal = null;
      return refused;
    }
    if (ifMatch !== null && ifMatch !== stored.version) {
      return json(409, {
        code: 'VERSION_CONFLICT',
        message: ERROR_MESSAGES.VERSION_CONFLICT['zh-CN'],
        messages: ERROR_MESSAGES.VERSION_CONFLICT,
        details: { current: stored.value, version: stored.version },
      });
    }
    store(body);
    return answer();
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    puts,
    stored: () => stored.value,
    savedElsewhere: store,
    refuseNextSave: (response: Response) => void (refusal = response),
  };
}
