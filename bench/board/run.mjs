// npm run bench:board — the board on 10,000 cases: the API's snapshot time next to the same SQL
// through pg, then the board's first paint, rendering and interactivity in headless Chromium.
//
// A fresh embedded PostgreSQL in a temporary directory; the built server (server/dist) seeds its
// realistic demo month, then the month is cloned in SQL, shifted in time, up to CASES cases.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import pg from 'pg';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
require('reflect-metadata');
const { startEmbeddedPostgres, findFreePort } = require(path.join(root, 'server/dist/database/embedded-postgres.js'));
const { ensureDatabase } = require(path.join(root, 'server/dist/database/ensure-database.js'));
const { CaseCardsRepository } = require(path.join(root, 'server/dist/modules/board/case-cards.repository.js'));
const { DEFAULT_SLA_POLICY } = await import(pathToFileURL(path.join(root, 'shared/dist/index.js')).href);

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const API_RUNS = Number(process.env.BENCH_API_RUNS ?? 50);
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const DATABASE = 'board_bench';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;

async function timed(runs, work) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function waitForHealth(baseUrl, server) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not become healthy');
}

/** Copies of the seeded month, each case shifted back by hours to days, with their own numbers and waybills. */
async function cloneUpTo(client, total) {
  const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM cases')).rows;
  const seeded = count;
  let copy = 0;
  while ((await client.query('SELECT count(*)::int AS count FROM cases')).rows[0].count < total) {
    copy += 1;
    const missing = total - (await client.query('SELECT count(*)::int AS count FROM cases')).rows[0].count;
    await client.query(
      `INSERT INTO cases (number, title, board_column, channel, category, severity, customer_id, waybill, order_number,
                          origin, destination, declared_value, facts, claim, investigation, compensation,
                          compensation_proposed_by, corrective_action, follow_up, owner_id, owning_department, watcher_ids,
                          reopen_count, created_by, created_at, updated_at, column_entered_at, version,
                          first_responded_at, resolved_at)
       SELECT next_case_number(c.created_at - shift), c.title, c.board_column, c.channel, c.category, c.severity, c.customer_id,
              'BN' || $1::text || lpad(row_number() OVER ()::text, 9, '0'), c.order_number, c.origin, c.destination,
              c.declared_value, c.facts, c.claim, c.investigation, c.compensation, c.compensation_proposed_by,
              c.corrective_action, c.follow_up, c.owner_id, c.owning_department, c.watcher_ids, c.reopen_count, c.created_by,
              c.created_at - shift, c.updated_at - shift, c.column_entered_at - shift, c.version,
              c.first_responded_at - shift, c.resolved_at - shift
       FROM (SELECT *, make_interval(hours => $1::int * 7 + (random() * 48)::int) AS shift
             FROM cases WHERE waybill NOT LIKE 'BN%' ORDER BY created_at LIMIT $2) c`,
      [copy, missing],
    );
  }
  return seeded;
}

async function browserFigures(baseUrl, cookie) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
  const loads = [];
  try {
    for (let run = 0; run < BROWSER_RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
      await context.addCookies([{ name: 'sid', value: cookie, url: baseUrl }]);
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.startTime + e.duration))).observe({
          type: 'longtask',
          buffered: true,
        });
      });
      await page.goto(baseUrl + '/');
      await page.waitForFunction(() => performance.getEntriesByName('board:cards-rendered').length > 0, null, { timeout: 30_000 });
      // Quiet for a moment so long tasks after the first render are counted.
      await page.waitForTimeout(1500);
      loads.push(
        await page.evaluate(() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
          const rendered = performance.getEntriesByName('board:cards-rendered')[0].startTime;
          const lastLongTask = Math.max(0, ...window.__longTasks);
          return { paint, rendered, interactive: Math.max(rendered, lastLongTask), cards: document.querySelectorAll('.case-card').length };
        }),
      );
      if (run === BROWSER_RUNS - 1) loads.at(-1).motion = await motionFigures(page);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return loads;
}

/** Frame times while a column scrolls to its end (paging in as it goes) and while a card is dragged across the board. */
async function motionFigures(page) {
  const recordFrames = () =>
    page.evaluate(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (!window.__stopFrames) requestAnimationFrame(tick);
      };
      window.__stopFrames = false;
      requestAnimationFrame(tick);
    });
  const stopFrames = () =>
    page.evaluate(() => {
      window.__stopFrames = true;
      const frames = window.__frames.slice(1).sort((a, b) => a - b);
      return { frames: frames.length, p50: frames[Math.floor(frames.length * 0.5)], p95: frames[Math.floor(frames.length * 0.95)], over50: frames.filter((f) => f > 50).length };
    });

  const scroller = page.locator('[data-column="closed"] .board-column__scroll');
  await recordFrames();
  for (let step = 0; step < 40; step++) {
    await scroller.evaluate((element) => element.scrollBy(0, 600));
    await page.waitForTimeout(50);
  }
  const scroll = await stopFrames();

  const card = page.locator('[data-column="intake"] .case-card').first();
  const from = await card.boundingBox();
  const to = await page.locator('[data-column="follow_up"]').boundingBox();
  await recordFrames();
  await page.mouse.move(from.x + 40, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 30, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 300, { steps: 60 });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  const drag = await stopFrames();
  return { scroll, drag };
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'board-bench-'));
  const cluster = await startEmbeddedPostgres({ dataDir, persistent: false });
  let server;
  const client = new pg.Client({ connectionString: cluster.url(DATABASE) });
  try {
    await ensureDatabase(cluster.url(), DATABASE);
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    console.log(`Starting the built server on ${baseUrl}; it migrates and seeds its demo month…`);
    server = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: cluster.url(DATABASE), SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForHealth(baseUrl, server);

    await client.connect();
    const seeded = await cloneUpTo(client, CASES);
    await client.query('ANALYZE');
    const [{ total, open }] = (await client.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE board_column <> 'closed')::int AS open FROM cases`)).rows;
    console.log(`${total} cases (${seeded} from the demo seed, the rest cloned), ${open} not closed.`);

    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'agent', password: 'demo1234' }),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('sid=')).split(';')[0].slice(4);
    const get = async (query) => {
      const response = await fetch(`${baseUrl}/api/board${query}`, { headers: { cookie: `sid=${cookie}` } });
      if (!response.ok) throw new Error(`GET /api/board${query} answered ${response.status}`);
      return response.json();
    };
    const snapshot = await get('');
    const shown = snapshot.lanes.reduce((sum, lane) => sum + Object.values(lane.columns).reduce((s, c) => s + c.cards.length, 0), 0);
    const onBoard = snapshot.lanes.reduce((sum, lane) => sum + Object.values(lane.columns).reduce((s, c) => s + c.total, 0), 0);

    // The exact SQL the API runs for this snapshot, captured from the board's own repository.
    let captured;
    const capture = { query: async (sql, params) => ((captured = { sql, params }), (await client.query(sql, params)).rows) };
    await new CaseCardsRepository(null).find({ filters: {}, viewerId: null, policy: DEFAULT_SLA_POLICY, asOf: new Date(), limit: 50 }, capture);

    for (let i = 0; i < 5; i++) await get(''); // warm up
    const api = await timed(API_RUNS, () => get(''));
    const sql = await timed(API_RUNS, () => client.query(captured.sql, captured.params));
    const search = await timed(API_RUNS, () => get('?q=13800'));
    const filtered = await timed(API_RUNS, () => get('?severity=serious&sla=breached&swimlane=owner'));

    console.log(`\nBoard snapshot, ${onBoard} cards on the board, first ${shown} returned (${API_RUNS} runs each):`);
    console.log(`  GET /api/board                           p50 ${ms(api.p50)}  p99 ${ms(api.p99)}`);
    console.log(`  same SQL through pg                      p50 ${ms(sql.p50)}  p99 ${ms(sql.p99)}`);
    console.log(`  GET /api/board?q=13800 (phone search)    p50 ${ms(search.p50)}  p99 ${ms(search.p99)}`);
    console.log(`  GET /api/board severity+sla+owner lanes  p50 ${ms(filtered.p50)}  p99 ${ms(filtered.p99)}`);

    const loads = await browserFigures(baseUrl, cookie);
    const median = (key) => percentile(loads.map((load) => load[key]), 50);
    console.log(`\nBoard in headless Chromium (${BROWSER_RUNS} cold loads, signed in, 1600×900):`);
    console.log(`  first contentful paint    median ${ms(median('paint'))}`);
    console.log(`  cards rendered (mark)     median ${ms(median('rendered'))}   (${loads[0].cards} cards drawn of ${shown} loaded)`);
    console.log(`  interactive               median ${ms(median('interactive'))}   (cards rendered, no long task after)`);
    const { scroll, drag } = loads.at(-1).motion;
    console.log(`  scrolling "closed" to page in more: ${scroll.frames} frames, p50 ${ms(scroll.p50)}, p95 ${ms(scroll.p95)}, ${scroll.over50} over 50 ms`);
    console.log(`  dragging a card across the board:   ${drag.frames} frames, p50 ${ms(drag.p50)}, p95 ${ms(drag.p95)}, ${drag.over50} over 50 ms`);
  } finally {
    await client.end().catch(() => undefined);
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await cluster.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
