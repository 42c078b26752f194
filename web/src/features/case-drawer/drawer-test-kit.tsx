import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import {
  DEFAULT_APPROVAL_POLICY,
  ERROR_MESSAGES,
  type CaseDetail,
  type ErrorCode,
  type UserSummary,
} from '@app/shared';
import { SessionContext, type Session } from '../auth/use-session.js';

/** Test support for the drawer and intake specs: colleagues, a case, a scripted API and a signed-in render. */

const person = (id: string, username: string, displayName: string, role: UserSummary['role'], department: UserSummary['department']) => ({
  id: `00000000-0000-4000-8000-0000000000${id}`,
  username,
  displayName,
  role,
  department,
});

export const PEOPLE = {
  agent: person('01', 'agent', '王晓燕', 'cs_agent', 'customer_service'),
  supervisor: person('02', 'supervisor', '李建国', 'cs_supervisor', 'customer_service'),
  quality: person('03', 'quality', '张敏', 'quality_investigator', 'quality'),
  operations: person('04', 'operations', '刘强', 'operations', 'operations'),
  legal: person('05', 'legal', '陈静', 'legal', 'legal'),
  head: person('06', 'head', '赵志刚', 'department_head', 'management'),
  admin: person('07', 'admin', '孙丽', 'admin', 'administration'),
} satisfies Record<string, UserSummary>;

export function caseDetail(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: '0b0f1f1e-8a6f-4f53-9a55-1c1a5f0a0042',
    number: 'CP-20261123-0042',
    title: '生鲜包裹延误三天',
    column: 'intake',
    channel: 'phone',
    category: 'delay',
    severity: 'important',
    customer: { id: '5d8a1f1e-8a6f-4f53-9a55-1c1a5f0a0001', name: '王芳', phone: '13800138000', email: null, company: null, type: 'rational' },
    shipment: { waybill: 'SF1400000001', orderNumber: null, origin: '上海青浦', destination: '杭州萧山', declaredValue: 300 },
    facts: { description: '承诺次日达，实际延误三天。', location: null, occurredAt: null },
    claim: { amount: 300, remedies: ['compensation'], note: null },
    investigation: {},
    compensation: { remedies: [], proposedBy: null },
    approvals: [],
    correctiveAction: {},
    followUp: {},
    ownerId: PEOPLE.agent.id,
    owningDepartment: 'customer_service',
    watcherIds: [],
    reopenCount: 0,
    createdBy: PEOPLE.agent.id,
    createdAt: '2026-11-23T01:00:00.000Z',
    updatedAt: '2026-11-23T01:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const apiError = (status: number, code: ErrorCode, extra: object = {}) =>
  json(status, { code, message: ERROR_MESSAGES[code]['zh-CN'], messages: ERROR_MESSAGES[code], ...extra });

type Answer = Response | ((body: unknown) => Response);

/**
 * A fake server: `'PATCH /api/cases/…': answer` entries, answered in order when given as a list
 * (the last one repeats). The drawer's supporting reads (users, policy, timeline, comments,
 * evidence, customer lookup) answer with sensible empties unless a test says otherwise.
 */
export function fakeServer(routes: Record<string, Answer | Answer[]>) {
  const defaults: Record<string, () => Response> = {
    'GET /api/users': () => json(200, Object.values(PEOPLE)),
    'GET /api/settings/approval-policy': () => json(200, DEFAULT_APPROVAL_POLICY),
  };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url}`;
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const route = routes[key];
    if (route !== undefined) {
      const queue = Array.isArray(route) ? route : [route];
      const answer = queue.length > 1 ? queue.shift()! : queue[0];
      return typeof answer === 'function' ? answer(body) : answer.clone();
    }
    if (defaults[key]) return defaults[key]();
    if (/^GET \/api\/cases\/[^/]+\/(timeline|comments|evidence)$/.test(key)) return json(200, []);
    if (/^GET \/api\/cases\/[^/]+\/timeline\/verify$/.test(key)) return json(200, { valid: true, events: 0, brokenAtSeq: null, headHash: null });
    if (key.startsWith('GET /api/customers/lookup')) return apiError(404, 'CUSTOMER_NOT_FOUND');
    throw new Error(`unexpected request ${key}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  /** The JSON bodies sent with `method` to `url`, in order. */
  const sent = (method: string, url: string) =>
    fetchMock.mock.calls.filter(([calledUrl, init]) => calledUrl === url && (init?.method ?? 'GET') === method).map(([, init]) => JSON.parse(String(init!.body)));
  return { fetchMock, sent };
}

export function renderSignedIn(user: UserSummary, ui: ReactNode, path = '/') {
  const session: Session = {
    state: { status: 'signed-in', user },
    logIn: async () => undefined,
    logOut: async () => undefined,
    recheck: () => undefined,
  };
  const view = render(
    <SessionContext.Provider value={session}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </SessionContext.Provider>,
  );
  return { ...view, user: userEvent.setup() };
}
