import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boardPageSchema,
  boardSnapshotSchema,
  CASE_COLUMNS,
  caseCardSchema,
  DEFAULT_SLA_POLICY,
  savedViewSchema,
  slaStatus,
  type BoardSnapshot,
  type CaseCard,
  type CaseColumn,
  type CaseDetail,
  type CreateCaseInput,
} from '@app/shared';
import { apiAs, newComplaint, type Api } from './support/api-client.js';
import { caseIn, type Team } from './support/case-fixtures.js';
import { loginAs, seedUsers, startTestApp, type TestApp } from './support/test-app.js';

const USERNAMES = ['agent', 'supervisor', 'quality', 'operations', 'legal', 'head', 'admin', 'zhoujie'] as const;

/** Every card of a snapshot, lane by lane, column by column, in the order the board shows them. */
function cardsOf(snapshot: BoardSnapshot, column?: CaseColumn): CaseCard[] {
  return snapshot.lanes.flatMap((lane) => (column ? [column] : CASE_COLUMNS).flatMap((c) => lane.columns[c].cards));
}

/** The board's urgency order, written out from the shared SLA helper rather than from the SQL. */
function urgencyOrder(cards: CaseCard[], asOf: string): string[] {
  const keyed = cards.map((card) => {
    const status = slaStatus(card, DEFAULT_SLA_POLICY, Date.parse(asOf));
    const rank = status.state === 'breached' ? 0 : status.activeDueAt ? 1 : 2;
    const key = status.activeDueAt ? status.activeDueAt.getTime() : -Date.parse(card.resolvedAt!);
    return { id: card.id, rank, key };
  });
  keyed.sort((a, b) => a.rank - b.rank || a.key - b.key || (a.id < b.id ? -1 : 1));
  return keyed.map((entry) => entry.id);
}

describe('the board: filters, search, SLA, urgency, paging and saved views, on real PostgreSQL', () => {
  let testApp: TestApp;
  let db: DataSource;
  const as = {} as Record<(typeof USERNAMES)[number], Api>;
  const userId = {} as Record<(typeof USERNAMES)[number], string>;
  /** The cases of the shared data set, as created. */
  const dataset: CaseDetail[] = [];

  const board = async (api: Api, query = ''): Promise<BoardSnapshot> => {
    const answer = await api.get(`/board${query}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return boardSnapshotSchema.parse(answer.body);
  };
  const ids = (cards: { id: string }[]) => new Set(cards.map((card) => card.id));

  const intake = async (overrides: Partial<CreateCaseInput> = {}, api: Api = as.agent): Promise<CaseDetail> => {
    const answer = await api.post('/cases', newComplaint(overrides));
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  /** Puts a case's intake `hours` before now (the SLA clock runs from intake). */
  const takenHoursAgo = (id: string, hours: number) =>
    db.query(`UPDATE cases SET created_at = now() - $2::float8 * interval '1 hour' WHERE id = $1`, [id, hours]);

  beforeAll(async () => {
    testApp = await startTestApp();
    await seedUsers(testApp);
    db = testApp.app.get(DataSource);
    for (const username of USERNAMES) {
      as[username] = apiAs(testApp, await loginAs(testApp, username));
      userId[username] = (await as[username].get('/auth/me')).body.id;
    }
    // Eighteen cases that differ in every filtered attribute, taken in over the last few days.
    const categories = ['delay', 'lost', 'damaged'] as const;
    const severities = ['serious', 'important', 'general'] as const;
    const channels = ['phone', 'wechat'] as const;
    for (let i = 0; i < 18; i++) {
      const created = await intake({
        category: categories[i % 3],
        severity: severities[Math.floor(i / 3) % 3],
        channel: channels[i % 2],
        ownerId: i % 4 === 0 ? userId.zhoujie : userId.agent,
        owningDepartment: i % 5 === 0 ? 'quality' : 'customer_service',
        watcherIds: i % 3 === 0 ? [userId.supervisor] : [],
      });
      await takenHoursAgo(created.id, 0.5 + i * 3.7);
      dataset.push(created);
    }
  });
  afterAll(() => testApp.close());

  describe('filters', () => {
    it.each([
      ['category', '?category=lost', (c: CaseDetail) => c.category === 'lost'],
      ['two categories', '?category=lost&category=damaged', (c: CaseDetail) => c.category !== 'delay'],
      ['severity', '?severity=serious', (c: CaseDetail) => c.severity === 'serious'],
      ['channel', '?channel=wechat', (c: CaseDetail) => c.channel === 'wechat'],
      ['department', '?department=quality', (c: CaseDetail) => c.owningDepartment === 'quality'],
      ['severity and channel together', '?severity=general,important&channel=phone', (c: CaseDetail) => c.severity !== 'serious' && c.channel === 'phone'],
    ])('%s narrows the board to exactly the matching cases', async (_, query, matches) => {
      const expected = dataset.filter(matches).map((c) => c.id);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(dataset.length);
      const snapshot = await board(as.agent, query);
      expect(ids(cardsOf(snapshot))).toEqual(new Set(expected));
      expect(CASE_COLUMNS.reduce((sum, column) => sum + snapshot.lanes[0].columns[column].total, 0)).toBe(expected.length);
    });

    it('filters by owner, by "mine" and by "watching", each for the signed-in user', async () => {
      const zhoujies = dataset.filter((c) => c.ownerId === userId.zhoujie).map((c) => c.id);
      expect(ids(cardsOf(await board(as.agent, `?owner=${userId.zhoujie}`)))).toEqual(new Set(zhoujies));
      expect(ids(cardsOf(await board(as.zhoujie, '?mine=true')))).toEqual(new Set(zhoujies));
      const watched = dataset.filter((c) => c.watcherIds.includes(userId.supervisor)).map((c) => c.id);
      expect(watched.length).toBeGreaterThan(0);
      expect(ids(cardsOf(await board(as.supervisor, '?watching=1')))).toEqual(new Set(watched));
      expect(cardsOf(await board(as.quality, '?watching=true'))).toEqual([]);
    });

    it('filters by intake date as business days in China', async () => {
      const probe = dataset[10];
      await db.query(`UPDATE cases SET created_at = '2026-10-31T16:30:00Z' WHERE id = $1`, [probe.id]); // 1 Nov, 00:30 in Beijing
      const first = cardsOf(await board(as.agent, '?from=2026-11-01&to=2026-11-01'));
      expect(first.map((c) => c.id)).toEqual([probe.id]);
      expect(cardsOf(await board(as.agent, '?from=2026-10-30&to=2026-10-31'))).toEqual([]);
      await takenHoursAgo(probe.id, 0.5 + 10 * 3.7);
    });

    it('filters by SLA state, computed as the cards show it', async () => {
      const all = await board(as.agent);
      for (const state of ['ok', 'warning', 'breached'] as const) {
        const expected = cardsOf(all).filter((card) => card.slaState === state);
        expect(expected.length, state).toBeGreaterThan(0);
        expect(ids(cardsOf(await board(as.agent, `?sla=${state}`)))).toEqual(ids(expected));
      }
    });
  });

  describe('search', () => {
    it('finds a case by a fragment of its waybill, customer phone, customer name or number', async () => {
      const target = await intake({
        customer: { name: '欧阳娜娜', phone: '139 8765 4321' },
        shipment: { waybill: 'YT9988776655', origin: '广州白云', destination: '长沙岳麓' },
        title: '冰箱外壳凹陷',
      });
      const serial = target.number.slice(-4);
      for (const q of ['8877665', 'yt99887', '87654321', '1398765', '欧阳娜', '冰箱外壳', target.number.slice(3, 12), serial]) {
        const found = cardsOf(await board(as.agent, `?q=${encodeURIComponent(q)}`));
        expect(found.map((c) => c.id), q).toContain(target.id);
        for (const card of found) {
          // Every hit matches somewhere: the search narrows, it does not just add the target.
          const haystack = [card.number, card.waybill, card.title, card.customerName].join(' ').toLowerCase();
          const detail = (await as.agent.get(`/cases/${card.id}`)).body as CaseDetail;
          const phoneDigits = detail.customer.phone.replace(/\D/g, '');
          expect(haystack.includes(q.toLowerCase()) || phoneDigits.includes(q.replace(/\D/g, '')), `${q} in ${haystack}`).toBe(true);
        }
      }
    });

    it('searches for wildcard characters literally', async () => {
      expect(cardsOf(await board(as.agent, `?q=${encodeURIComponent('%')}`))).toEqual([]);
      expect(cardsOf(await board(as.agent, `?q=${encodeURIComponent('_')}`))).toEqual([]);
    });
  });

  describe('SLA', () => {
    it('reads each case against its severity target: ok, warning, breached, met, missed', async () => {
      const fresh = await intake({ severity: 'serious' });
      await takenHoursAgo(fresh.id, 1);
      const warning = await intake({ severity: 'serious' });
      await takenHoursAgo(warning.id, 1.6);
      const breached = await intake({ severity: 'serious' });
      await takenHoursAgo(breached.id, 2.5);
      const responded = await intake({ severity: 'serious' });
      expect((await as.agent.post(`/cases/${responded.id}/transitions`, { to: 'investigation', version: 1 })).status).toBe(200);
      await takenHoursAgo(responded.id, 2.5); // late for the first response, but the resolution clock now runs: 24 h
      const met = await caseIn(as, 'follow_up', { preventiveOwnerId: userId.operations });
      const missed = await caseIn(as, 'follow_up', { preventiveOwnerId: userId.operations });
      await db.query(`UPDATE cases SET created_at = resolved_at - interval '60 hours' WHERE id = $1`, [missed.id]);

      const cards = new Map(cardsOf(await board(as.agent)).map((card) => [card.id, card]));
      expect(cards.get(fresh.id)?.slaState).toBe('ok');
      expect(cards.get(warning.id)?.slaState).toBe('warning');
      expect(cards.get(breached.id)?.slaState).toBe('breached');
      expect(cards.get(responded.id)?.slaState).toBe('ok');
      expect(cards.get(met.id)?.slaState).toBe('met');
      expect(cards.get(missed.id)?.slaState).toBe('missed');
      const card = cards.get(fresh.id)!;
      expect(Date.parse(card.firstResponseDueAt) - Date.parse(card.createdAt)).toBe(2 * 3_600_000);
      expect(Date.parse(card.slaDueAt) - Date.parse(card.createdAt)).toBe(24 * 3_600_000);
    });

    it('agrees with the shared slaStatus helper on every card', async () => {
      const snapshot = await board(as.agent);
      const cards = cardsOf(snapshot);
      expect(new Set(cards.map((card) => card.slaState)).size).toBeGreaterThanOrEqual(4);
      for (const card of cards) {
        expect(slaStatus(card, DEFAULT_SLA_POLICY, Date.parse(snapshot.asOf)).state, card.number).toBe(card.slaState);
      }
    });

    it('records the first response and the resolution from the moves, and a reopen clears the resolution', async () => {
      let current = await caseIn(as, 'follow_up', { preventiveOwnerId: userId.operations });
      const lookup = async () => (await as.agent.get(`/board/cards/${current.id}`)).body.card as CaseCard;
      const resolved = await lookup();
      expect(resolved.firstRespondedAt).not.toBeNull();
      expect(resolved.resolvedAt).not.toBeNull();
      expect(Date.parse(resolved.firstRespondedAt!)).toBeLessThanOrEqual(Date.parse(resolved.resolvedAt!));
      current = (await as.agent.patch(`/cases/${current.id}`, { version: current.version, followUp: { satisfied: false, score: 1 } })).body;
      const reopen = await as.agent.post(`/cases/${current.id}/transitions`, { to: 'investigation', version: current.version, reason: '客户不满意' });
      expect(reopen.status).toBe(200);
      const reopened = await lookup();
      expect(reopened.resolvedAt).toBeNull();
      expect(reopened.firstRespondedAt).toBe(resolved.firstRespondedAt);
    });

    it('serves the policy to everyone, lets only admin change it, and the board follows the new targets', async () => {
      expect((await as.agent.get('/settings/sla-policy')).body).toEqual(DEFAULT_SLA_POLICY);
      const strict = { ...DEFAULT_SLA_POLICY, general: { firstResponseHours: 0.25, resolutionHours: 1 } };
      expect((await as.head.put('/settings/sla-policy', strict)).status).toBe(403);
      expect((await as.admin.put('/settings/sla-policy', { ...strict, general: { firstResponseHours: 5, resolutionHours: 1 } })).status).toBe(400);
      const before = cardsOf(await board(as.agent, '?severity=general')).filter((card) => card.column === 'intake');
      expect(before.some((card) => card.slaState !== 'breached')).toBe(true);
      try {
        expect((await as.admin.put('/settings/sla-policy', strict)).status).toBe(200);
        expect((await as.agent.get('/settings/sla-policy')).body).toEqual(strict);
        const after = cardsOf(await board(as.agent, '?severity=general')).filter((card) => card.column === 'intake');
        expect(after.map((card) => card.slaState)).toEqual(after.map(() => 'breached'));
      } finally {
        await as.admin.put('/settings/sla-policy', DEFAULT_SLA_POLICY);
      }
    });
  });

  describe('order and paging', () => {
    it('orders every column by urgency: breached first, then least time left', async () => {
      const snapshot = await board(as.agent);
      for (const column of CASE_COLUMNS) {
        const cards = cardsOf(snapshot, column);
        expect(cards.map((card) => card.id), column).toEqual(urgencyOrder(cards, snapshot.asOf));
      }
      const intakeCards = cardsOf(snapshot, 'intake');
      expect(intakeCards[0].slaState).toBe('breached');
      expect(intakeCards.at(-1)!.slaState).not.toBe('breached');
    });

    it('pages through a column with cursors, every card exactly once and in order', async () => {
      const whole = cardsOf(await board(as.agent, '?limit=200'), 'intake').map((card) => card.id);
      expect(whole.length).toBeGreaterThan(10);
      const first = await board(as.agent, '?limit=4');
      const seen = first.lanes[0].columns.intake.cards.map((card) => card.id);
      expect(first.lanes[0].columns.intake.total).toBe(whole.length);
      let cursor = first.lanes[0].columns.intake.nextCursor;
      // A case taken in while paging must neither shift the pages nor show up twice.
      await intake({ severity: 'serious' });
      while (cursor) {
        const answer = await as.agent.get(`/board/columns/intake?limit=4&cursor=${cursor}`);
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        const page = boardPageSchema.parse(answer.body);
        seen.push(...page.cards.map((card) => card.id));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(whole);
    });

    it('arranges swimlanes by owner and pages within one lane', async () => {
      const snapshot = await board(as.agent, '?swimlane=owner&limit=2');
      const lane = snapshot.lanes.find((candidate) => candidate.key === userId.agent)!;
      expect(lane.label).toBe('王晓燕');
      expect(snapshot.lanes.find((candidate) => candidate.key === userId.zhoujie)?.label).toBe('周杰');
      for (const candidate of snapshot.lanes) {
        for (const card of cardsOf({ ...snapshot, lanes: [candidate] })) expect(card.ownerId).toBe(candidate.key);
      }
      const whole = cardsOf(await board(as.agent, `?owner=${userId.agent}&limit=200`), 'intake').map((card) => card.id);
      const seen = lane.columns.intake.cards.map((card) => card.id);
      let cursor = lane.columns.intake.nextCursor;
      while (cursor) {
        const page = boardPageSchema.parse((await as.agent.get(`/board/columns/intake?swimlane=owner&lane=${userId.agent}&limit=2&cursor=${cursor}`)).body);
        seen.push(...page.cards.map((card) => card.id));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(whole);
    });

    it('orders severity lanes from serious to general', async () => {
      const snapshot = await board(as.agent, '?swimlane=severity');
      expect(snapshot.lanes.map((lane) => lane.key)).toEqual(['serious', 'important', 'general']);
    });
  });

  describe('closed cases and the cards API', () => {
    it('keeps closed cases older than 14 days off the board unless a search or a date range asks for them', async () => {
      const old = await caseIn(as, 'closed', { preventiveOwnerId: userId.operations, intake: { shipment: { waybill: 'ZT5500443322', origin: '西安', destination: '兰州' } } });
      const recent = await caseIn(as, 'closed', { preventiveOwnerId: userId.operations });
      await db.query(`UPDATE cases SET column_entered_at = now() - interval '15 days' WHERE id = $1`, [old.id]);
      const closed = ids(cardsOf(await board(as.agent), 'closed'));
      expect(closed.has(recent.id)).toBe(true);
      expect(closed.has(old.id)).toBe(false);
      expect(ids(cardsOf(await board(as.agent, '?q=ZT55004433'))).has(old.id)).toBe(true);
      const day = new Date(Date.parse(old.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(ids(cardsOf(await board(as.agent, `?from=${day}&to=${day}`))).has(old.id)).toBe(true);
      expect((await as.agent.get('/cases')).body.map((card: CaseCard) => card.id)).not.toContain(old.id);
    });

    it('keeps GET /api/cases answering every card on the board, with the new fields', async () => {
      const cards = caseCardSchema.array().parse((await as.agent.get('/cases')).body);
      expect(ids(cards)).toEqual(ids(cardsOf(await board(as.agent, '?limit=200'))));
      const commented = dataset[1];
      expect((await as.agent.post(`/cases/${commented.id}/comments`, { body: '已联系网点核实' })).status).toBe(201);
      const card = cardsOf(await board(as.agent, `?q=${commented.shipment.waybill}`))[0];
      expect(card).toMatchObject({ commentCount: 1, evidenceCount: 0, waybill: commented.shipment.waybill, customerCaseCount: 1, amount: 300 });
    });

    it('looks one card up under filters: the card when it matches, null when it does not, 404 when there is no case', async () => {
      const serious = dataset.find((c) => c.severity === 'serious')!;
      expect((await as.agent.get(`/board/cards/${serious.id}?severity=serious`)).body.card.id).toBe(serious.id);
      expect((await as.agent.get(`/board/cards/${serious.id}?severity=general`)).body).toEqual({ card: null });
      expect((await as.agent.get('/board/cards/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('saved views', () => {
    it('belong to the user who saved them: listed, named uniquely and deleted only by them', async () => {
      const saved = await as.agent.post('/views', { name: '严重未结', filters: { severity: ['serious'], sla: ['breached', 'warning'], swimlane: 'owner' } });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      const view = savedViewSchema.parse(saved.body);
      expect(view.filters).toEqual({ severity: ['serious'], sla: ['breached', 'warning'], swimlane: 'owner' });
      expect((await as.agent.post('/views', { name: '严重未结', filters: {} })).body.code).toBe('VIEW_NAME_TAKEN');
      expect((await as.supervisor.post('/views', { name: '严重未结', filters: { mine: true } })).status).toBe(201);

      expect((await as.agent.get('/views')).body.map((v: { name: string }) => v.name)).toEqual(['严重未结']);
      const supervisorViews = (await as.supervisor.get('/views')).body;
      expect(supervisorViews.map((v: { id: string }) => v.id)).not.toContain(view.id);

      expect((await as.supervisor.delete(`/views/${view.id}`)).status).toBe(404);
      expect((await as.agent.get('/views')).body).toHaveLength(1);
      expect((await as.agent.delete(`/views/${view.id}`)).status).toBe(204);
      expect((await as.agent.get('/views')).body).toEqual([]);
      expect((await as.supervisor.get('/views')).body).toHaveLength(1);
    });

    it.each([
      ['no name', { filters: {} }],
      ['an empty name', { name: '  ', filters: {} }],
      ['a filter that does not exist', { name: 'x', filters: { colour: 'red' } }],
      ['a bad severity', { name: 'x', filters: { severity: ['urgent'] } }],
      ['filters that are not an object', { name: 'x', filters: 'severity=serious' }],
    ])('refuses a view with %s', async (_, body) => {
      expect((await as.agent.post('/views', body)).status).toBe(400);
    });
  });

  describe('bad query strings are a 400, never a 500', () => {
    it('reads a malformed percent-encoding leniently rather than failing', async () => {
      expect((await as.agent.get('/board?q=%E0%A4%A')).status).toBe(200);
    });

    it.each([
      '/board?category=alien',
      '/board?severity[]=serious',
      '/board?category[$ne]=x',
      '/board?limit=0',
      '/board?limit=abc',
      '/board?limit=100000',
      '/board?from=2026-02-30',
      '/board?from=2026-11-20&to=2026-11-01',
      '/board?mine=maybe',
      '/board?owner=not-a-uuid',
      `/board?q=${'x'.repeat(101)}`,
      '/board?q=%00',
      '/board?swimlane=colour',
      '/board?colour=red',
      '/board/columns/archive?cursor=abc',
      '/board/columns/intake',
      '/board/columns/intake?cursor=not!base64',
      `/board/columns/intake?cursor=${Buffer.from('{"rank":"x"}').toString('base64url')}`,
      `/board/columns/intake?cursor=${Buffer.from('not json').toString('base64url')}`,
      '/board/columns/intake?cursor=abc&swimlane=owner',
      '/board/columns/intake?cursor=abc&swimlane=severity&lane=urgent',
      '/board/cards/not-a-uuid',
      '/board/cards/00000000-0000-4000-8000-000000000000?sla=late',
    ])('%s', async (path) => {
      const answer = await as.agent.get(path);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    });
  });
});
