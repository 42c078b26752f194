// npm run bench:realtime — the realtime path under load, on this machine, in one run:
// (a) move acknowledgement latency next to the same SQL transaction straight through pg,
// (b) latency until the last of 200 / 1,000 subscribers has the event,
// (c) sustained moves per second with 10 / 200 subscribers next to raw SQL at 8 clients,
// (d) share of events recovered when 10 % of clients drop and reconnect mid-run,
// (e) memory per idle socket at 2,000 sockets.
// It boots the built server (server/dist/main.js) on its own embedded PostgreSQL under
// bench/.data, with subscribers in child processes (bench/realtime-subscriber.mjs).
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import hdr from 'hdr-histogram-js';
import pg from 'pg';
import WebSocket from 'ws';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(ROOT, 'bench', '.data');
const SERVER_MAIN = path.join(ROOT, 'server', 'dist', 'main.js');

const PLAN = {
  workers: 4,
  ackRate: 50, // moves per second, open loop: well below saturation, so it measures latency, not queueing
  ackMoves: 500,
  fanoutRate: 20,
  fanoutMoves: 150,
  throughputClients: 8,
  throughputSeconds: 3,
  /** Fresh cases per throughput run; the run stops early if they run out (reported). */
  throughputCases: 2_000,
  recoveryRate: 50,
  recoveryMoves: 300,
  dropShare: 0.1,
  idleSockets: 2_000,
};
/** Same key as TimelineService: event appends are serialised by it. */
const EVENT_ORDER_LOCK_KEY = 7_301_202_612;

const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const log = (message) => console.log(`[bench] ${message}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** CPU seconds (user + system) of a process, and of its reaped children, from /proc. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  const all = [];
  const visit = (id) => (children.get(id) ?? []).forEach((child) => (all.push(child), visit(child)));
  visit(pid);
  return all;
}

/** Where the CPU went: the server, its embedded PostgreSQL, the subscriber processes, this process. */
function cpuSnapshot(serverPid, subscriberPids) {
  const self = process.cpuUsage();
  return {
    server: cpuMs(serverPid),
    postgres: descendants(serverPid).reduce((sum, pid) => sum + cpuMs(pid), 0),
    subscribers: subscriberPids.reduce((sum, pid) => sum + cpuMs(pid), 0),
    load: (self.user + self.system) / 1000,
  };
}

function histogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });
}
const ms = (us) => (us / 1000).toFixed(2);
const pct = (h, p) => ms(h.getValueAtPercentile(p));

// ---------------------------------------------------------------------------------------------
// The server under test

async function startServer() {
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });
  const [port, pgPort, inspectPort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, [`--inspect=127.0.0.1:${inspectPort}`, SERVER_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR,
      EMBEDDED_PG_PORT: String(pgPort),
      SEED_DEMO_DATA: 'true',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server not ready in time:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    await sleep(250);
  }
  const credentials = JSON.parse(readFileSync(path.join(DATA_DIR, 'embedded-pg.json'), 'utf8'));
  const databaseUrl = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${pgPort}/complaint_board`;
  return {
    child,
    baseUrl,
    databaseUrl,
    inspectPort,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Heap and RSS of the server after a full garbage collection, through its inspector. */
async function serverMemory(inspectPort) {
  const [target] = await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json();
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await once(ws, 'open');
  let nextId = 0;
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++nextId;
      const onMessage = (data) => {
        const message = JSON.parse(data);
        if (message.id !== id) return;
        ws.off('message', onMessage);
        resolve(message.result);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  const { result } = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
  ws.close();
  return JSON.parse(result.value);
}

// ---------------------------------------------------------------------------------------------
// HTTP clients: the mover, case intake

async function login(baseUrl, username) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  const user = await response.json();
  return { cookie: response.headers.getSetCookie().find((c) => c.startsWith('sid=')).split(';')[0], user };
}

let complaintSerial = 0;
function complaint() {
  complaintSerial += 1;
  const serial = String(complaintSerial).padStart(5, '0');
  return {
    title: '压测：生鲜包裹延误',
    channel: 'phone',
    category: 'delay',
    severity: 'important',
    customer: { name: '压测客户', phone: `1390${String(Date.now() % 1_000_000).padStart(6, '0')}${serial.slice(-1)}`, type: 'rational' },
    shipment: { waybill: `BENCH${Date.now()}${serial}`, origin: '上海青浦分拨中心', destination: '杭州萧山营业部', declaredValue: 300 },
    facts: { description: '压测用投诉：承诺次日达，实际延误两天。', location: '杭州市萧山区' },
    claim: { amount: 300, remedies: ['compensation'] },
  };
}

async function runConcurrently(total, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
}

async function createCases(baseUrl, cookie, count) {
  const ids = [];
  await runConcurrently(count, 8, async () => {
    const response = await fetch(`${baseUrl}/api/cases`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(complaint()),
    });
    const body = await response.json();
    if (response.status !== 201) throw new Error(`intake answered ${response.status}: ${JSON.stringify(body)}`);
    ids.push(body.id);
  });
  return ids;
}

function mover(baseUrl, cookie, caseIds) {
  let next = 0;
  const stats = { failed: 0 };
  return {
    stats,
    caseIds,
    remaining: () => caseIds.length - next,
    /** Moves one fresh case intake -> investigation; resolves, with when, once the answer has arrived. */
    async move(requestId) {
      const caseId = caseIds[next++];
      if (!caseId) throw new Error('out of prepared cases');
      const response = await fetch(`${baseUrl}/api/cases/${caseId}/transitions`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ to: 'investigation', version: 1 }),
      });
      await response.arrayBuffer();
      if (response.status !== 200) stats.failed += 1;
      return nowUs();
    },
  };
}

/**
 * Open loop: operation i is due at start + i/rate whatever happened to the others, and its
 * latency counts from when it was due, so a stall shows up as latency instead of hiding as
 * fewer requests (no coordinated omission).
 */
async function openLoop(rate, count, operation) {
  const latency = histogram();
  const start = nowUs() + 20_000;
  const running = [];
  for (let i = 0; i < count; i++) {
    const due = start + Math.round((i * 1_000_000) / rate);
    const wait = (due - nowUs()) / 1000;
    if (wait > 1) await sleep(wait);
    running.push(operation(i, due).then(() => latency.recordValue(Math.max(1, nowUs() - due))));
  }
  await Promise.all(running);
  return latency;
}

/** `clients` callers back to back for `seconds`; returns completed operations per second. */
async function closedLoop(clients, seconds, operation) {
  const started = nowUs();
  const end = started + seconds * 1_000_000;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (nowUs() < end) {
        if (!(await operation(client))) return;
        done += 1;
      }
    }),
  );
  return { perSecond: done / ((nowUs() - started) / 1_000_000), done };
}

// ---------------------------------------------------------------------------------------------
// The same transaction as WorkflowService.move, statement for statement, straight through pg.
// The case is read with the server's own SQL (from its build), so the two cannot drift apart.

const { caseDetailSql } = createRequire(import.meta.url)(path.join(ROOT, 'server', 'dist', 'modules', 'cases', 'case-detail.sql.js'));
const LOCK_DETAIL_SQL = caseDetailSql('id', true);
const INSERT_EVENT_SQL = `WITH ordered AS MATERIALIZED (SELECT pg_advisory_xact_lock($5)),
  inserted AS (
    INSERT INTO case_events (case_id, type, actor_id, request_id, data)
    SELECT $1::uuid, 'case.moved', $2::uuid, $3, $4::jsonb FROM ordered RETURNING *
  )
  SELECT inserted.*, users.display_name AS actor_name FROM inserted LEFT JOIN users ON users.id = inserted.actor_id`;

async function rawMove(client, caseId, actorId, requestId) {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query(LOCK_DETAIL_SQL, [caseId]);
    await client.query('SELECT value::text AS value FROM settings WHERE key = $1', ['approval_policy']);
    const from = rows[0].board_column;
    const to = from === 'intake' ? 'investigation' : 'intake';
    await client.query(
      `UPDATE cases SET board_column = $2, column_entered_at = $3, updated_at = $3, version = $4,
         reopen_count = CASE WHEN $5 THEN reopen_count + 1 ELSE reopen_count END,
         follow_up = CASE WHEN $5 THEN '{}' ELSE follow_up END
       WHERE id = $1`,
      [caseId, to, new Date(), rows[0].version + 1, false],
    );
    await client.query(INSERT_EVENT_SQL, [caseId, actorId, requestId, { from, to, kind: 'forward', version: rows[0].version + 1 }, EVENT_ORDER_LOCK_KEY]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Subscribers in child processes

function startSubscriberProcess() {
  const child = fork(path.join(ROOT, 'bench', 'realtime-subscriber.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 0;
  child.on('message', ({ id, ok, result, error }) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (ok) waiting.resolve(result);
    else waiting.reject(new Error(error));
  });
  return {
    child,
    sockets: 0,
    call(command, args) {
      const id = ++nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, command, args });
      });
    },
  };
}

async function main() {
  log(`starting the built server on a fresh embedded PostgreSQL in ${path.relative(ROOT, DATA_DIR)} (demo data seeded)…`);
  const server = await startServer();
  const subscribers = Array.from({ length: PLAN.workers }, startSubscriberProcess);
  const database = new pg.Pool({ connectionString: server.databaseUrl, max: PLAN.throughputClients });
  const results = { loadBefore: os.loadavg()[0], cpu: {} };
  /** Runs a phase of `operations` moves and records the CPU each process spent per move. */
  const withCpu = async (name, phase) => {
    const pids = subscribers.map((s) => s.child.pid);
    const before = cpuSnapshot(server.child.pid, pids);
    const { value, operations } = await phase();
    const after = cpuSnapshot(server.child.pid, pids);
    results.cpu[name] = Object.fromEntries(Object.keys(before).map((key) => [key, (after[key] - before[key]) / operations]));
    return value;
  };
  let agent;
  let head;
  try {
    agent = await login(server.baseUrl, 'agent');
    head = await login(server.baseUrl, 'head');

    // (e) first, on a server that has seen no socket yet.
    const idleBefore = await serverMemory(server.inspectPort);
    await connectSubscribers(PLAN.idleSockets);
    await sleep(1_000);
    const idleAfter = await serverMemory(server.inspectPort);
    await Promise.all(subscribers.map((s) => s.call('disconnectAll')));
    for (const s of subscribers) s.sockets = 0;
    results.memory = {
      heapPerSocket: (idleAfter.heapUsed + idleAfter.external - idleBefore.heapUsed - idleBefore.external) / PLAN.idleSockets,
      rssPerSocket: (idleAfter.rss - idleBefore.rss) / PLAN.idleSockets,
    };

    const pools = {
      raw: 400,
      catchUp: 1,
      ack: PLAN.ackMoves,
      thr10: PLAN.throughputCases,
      fan200: PLAN.fanoutMoves,
      thr200: PLAN.throughputCases,
      rec: PLAN.recoveryMoves,
      fan1000: PLAN.fanoutMoves,
    };
    const needed = Object.values(pools).reduce((sum, n) => sum + n, 0);
    log(`creating ${needed} cases through POST /api/cases…`);
    const createStarted = nowUs();
    const caseIds = await createCases(server.baseUrl, agent.cookie, needed);
    log(`  ${((caseIds.length * 1e6) / (nowUs() - createStarted)).toFixed(0)} intakes/s`);
    const movers = Object.fromEntries(Object.entries(pools).map(([name, count]) => [name, mover(server.baseUrl, agent.cookie, caseIds.splice(0, count))]));
    const rawCases = movers.raw.caseIds;

    // (a), (c): raw SQL first, while no subscriber is connected: the server hears of these
    // commits only by reading the log, and would otherwise send them to the subscribers.
    log('raw SQL: the move transaction straight through pg…');
    let rawNext = 0;
    const rawClients = await Promise.all(Array.from({ length: PLAN.throughputClients }, () => database.connect()));
    const rawMoveWith = (client, tag) => rawMove(client, rawCases[rawNext++ % rawCases.length], agent.user.id, tag);
    results.rawLatency = await openLoop(PLAN.ackRate, PLAN.ackMoves, (i) => rawMoveWith(rawClients[i % rawClients.length], `raw-${i}`));
    results.rawThroughput = await withCpu('raw SQL, 8 clients', async () => {
      const { perSecond, done } = await closedLoop(PLAN.throughputClients, PLAN.throughputSeconds, async (c) => {
        await rawMoveWith(rawClients[c], 'raw-t');
        return true;
      });
      return { value: perSecond, operations: done };
    });
    for (const client of rawClients) client.release();
    // Let the server read those commits from the log before anyone subscribes.
    await movers.catchUp.move('catch-up');
    await sleep(1_500);

    await connectSubscribers(10);
    log('HTTP: move acknowledgement latency with 10 subscribers…');
    results.ackLatency = await withCpu('HTTP at 50/s, 10 subscribers', async () => ({
      value: await openLoop(PLAN.ackRate, PLAN.ackMoves, (i) => movers.ack.move(`ack-${i}`)),
      operations: PLAN.ackMoves,
    }));
    results.throughput10 = await withCpu('HTTP, 8 clients, 10 subscribers', () => httpThroughput(movers.thr10, 'thr10'));

    await connectSubscribers(200);
    results.fanout200 = await withCpu('HTTP at 20/s, 200 subscribers', () => fanout(movers.fan200, 'fan200', 200));
    results.throughput200 = await withCpu('HTTP, 8 clients, 200 subscribers', () => httpThroughput(movers.thr200, 'thr200'));
    results.recovery = await recovery(movers.rec, 200);

    await connectSubscribers(1_000);
    results.fanout1000 = await withCpu('HTTP at 20/s, 1,000 subscribers', () => fanout(movers.fan1000, 'fan1000', 1_000));
    results.failedMoves = Object.values(movers).reduce((sum, m) => sum + m.stats.failed, 0);
  } finally {
    for (const s of subscribers) s.child.kill();
    await database.end();
    await server.stop();
  }
  results.loadAfter = os.loadavg()[0];
  report(results);

  async function connectSubscribers(total) {
    const per = Math.ceil(total / subscribers.length);
    const started = nowUs();
    await Promise.all(
      subscribers.map(async (s, index) => {
        const want = Math.min(per, total - index * per) - s.sockets;
        if (want <= 0) return;
        await s.call('connect', { url: server.baseUrl, cookie: head.cookie, count: want });
        s.sockets += want;
      }),
    );
    log(`${subscribers.reduce((sum, s) => sum + s.sockets, 0)} subscribers connected (${((nowUs() - started) / 1e6).toFixed(1)} s)`);
  }

  async function httpThroughput(moves, tag) {
    log(`HTTP: sustained moves/s, ${PLAN.throughputClients} clients back to back (${tag})…`);
    let i = 0;
    const { perSecond, done } = await closedLoop(PLAN.throughputClients, PLAN.throughputSeconds, async () => {
      if (moves.remaining() === 0) return false;
      await moves.move(`${tag}-${i++}`);
      return true;
    });
    if (moves.remaining() === 0) log(`  ran out of prepared cases after ${done} moves`);
    return { value: perSecond, operations: done };
  }

  /** Every subscriber has every event of the phase, or the wait gives up. */
  async function collectArrivals(ids, expectedPerId, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const merged = new Map();
      for (const { arrivals } of await Promise.all(subscribers.map((s) => s.call('endPhase')))) {
        for (const [id, [count, at]] of arrivals) {
          const seen = merged.get(id) ?? [0, 0];
          merged.set(id, [seen[0] + count, Math.max(seen[1], at)]);
        }
      }
      const complete = ids.every((id) => merged.get(id)?.[0] === expectedPerId);
      if (complete || Date.now() > deadline) return merged;
      await sleep(200);
    }
  }

  async function fanout(moves, tag, subscriberCount) {
    log(`fan-out: last of ${subscriberCount} subscribers, ${PLAN.fanoutRate} moves/s open loop…`);
    await Promise.all(subscribers.map((s) => s.call('startPhase')));
    const due = new Map();
    const answered = new Map();
    await openLoop(PLAN.fanoutRate, PLAN.fanoutMoves, async (i, dueAt) => {
      due.set(`${tag}-${i}`, dueAt);
      answered.set(`${tag}-${i}`, await moves.move(`${tag}-${i}`));
    });
    const merged = await collectArrivals([...due.keys()], subscriberCount);
    const lastOf = histogram();
    const afterAck = histogram();
    let incomplete = 0;
    for (const [id, dueAt] of due) {
      const [count, at] = merged.get(id) ?? [0, 0];
      if (count !== subscriberCount) {
        incomplete += 1;
        continue;
      }
      lastOf.recordValue(Math.max(1, at - dueAt));
      // The server sends the event before it answers the move, so this is often zero.
      afterAck.recordValue(Math.max(1, at - answered.get(id)));
    }
    const outOfOrder = (await Promise.all(subscribers.map((s) => s.call('endPhase')))).reduce((sum, r) => sum + r.outOfOrder, 0);
    return { value: { lastOf, afterAck, incomplete, outOfOrder }, operations: PLAN.fanoutMoves };
  }

  async function recovery(moves, subscriberCount) {
    const perProcess = subscriberCount / subscribers.length;
    const dropPerProcess = Math.round(perProcess * PLAN.dropShare);
    log(`recovery: ${dropPerProcess * subscribers.length} of ${subscriberCount} subscribers drop mid-run and resume…`);
    // The first `drop` connections of each process drop; the next as many stay, for comparison.
    await Promise.all(subscribers.map((s) => s.call('track', { count: 2 * dropPerProcess })));
    const third = Math.floor(PLAN.recoveryMoves / 3);
    await openLoop(PLAN.recoveryRate, PLAN.recoveryMoves, async (i) => {
      if (i === third) await Promise.all(subscribers.map((s) => s.call('drop', { count: dropPerProcess })));
      await moves.move(`rec-${i}`);
    });
    const { rows } = await database.query("SELECT seq FROM case_events WHERE request_id LIKE 'rec-%' ORDER BY seq");
    const expected = rows.map((row) => Number(row.seq));
    const deadline = Date.now() + 15_000;
    let tracked;
    for (;;) {
      tracked = (await Promise.all(subscribers.map((s) => s.call('report', { count: 2 * dropPerProcess, expected })))).flatMap((r, index) =>
        r.clients.map((client, position) => ({ ...client, dropped: position < dropPerProcess, process: index })),
      );
      if (tracked.every((client) => client.received === expected.length) || Date.now() > deadline) break;
      await sleep(200);
    }
    const dropped = tracked.filter((client) => client.dropped);
    const stayed = tracked.filter((client) => !client.dropped);
    const share = (group) => group.reduce((sum, client) => sum + client.received, 0) / (group.length * expected.length);
    return {
      events: expected.length,
      dropped: dropped.length,
      recovered: share(dropped),
      control: share(stayed),
      resumed: dropped.reduce((sum, client) => sum + client.resumed, 0),
      reloads: dropped.reduce((sum, client) => sum + client.reloads, 0),
      extra: tracked.reduce((sum, client) => sum + client.extra + client.outOfOrder, 0),
    };
  }
}

function report(r) {
  const line = (label, value) => console.log(`  ${label.padEnd(58)} ${value}`);
  console.log('\nRealtime benchmark (2 cores; server, PostgreSQL, subscribers and load on one machine)');
  console.log(`load average (1 min) at start / end: ${r.loadBefore.toFixed(2)} / ${r.loadAfter.toFixed(2)}\n`);
  console.log(`(a) move acknowledgement latency, open loop at ${PLAN.ackRate} moves/s`);
  line('HTTP POST /transitions (10 subscribers) p50 / p99 ms', `${pct(r.ackLatency, 50)} / ${pct(r.ackLatency, 99)}`);
  line('same SQL transaction through pg p50 / p99 ms', `${pct(r.rawLatency, 50)} / ${pct(r.rawLatency, 99)}`);
  line('ratio of p50 (target <= 3x)', `${(r.ackLatency.getValueAtPercentile(50) / r.rawLatency.getValueAtPercentile(50)).toFixed(2)}x`);
  console.log('(b) until the last subscriber has case.moved, 20 moves/s open loop');
  line('last of 200, from the move request, p50 / p99 ms', `${pct(r.fanout200.lastOf, 50)} / ${pct(r.fanout200.lastOf, 99)}`);
  line('last of 200, after the move was acknowledged, p50 / p99 ms', `${pct(r.fanout200.afterAck, 50)} / ${pct(r.fanout200.afterAck, 99)}`);
  line('last of 1,000, from the move request, p50 / p99 ms', `${pct(r.fanout1000.lastOf, 50)} / ${pct(r.fanout1000.lastOf, 99)}`);
  line('last of 1,000, after the move was acknowledged, p50 / p99 ms', `${pct(r.fanout1000.afterAck, 50)} / ${pct(r.fanout1000.afterAck, 99)}`);
  line('targets: p99 <= 10 ms (200), <= 30 ms (1,000)', '');
  line('moves not seen by every subscriber / out-of-order arrivals', `${r.fanout200.incomplete + r.fanout1000.incomplete} / ${r.fanout200.outOfOrder + r.fanout1000.outOfOrder}`);
  console.log(`(c) sustained moves per second, ${PLAN.throughputClients} clients back to back`);
  line('HTTP with 10 subscribers', r.throughput10.toFixed(0));
  line('HTTP with 200 subscribers', r.throughput200.toFixed(0));
  line('raw SQL, 8 clients', r.rawThroughput.toFixed(0));
  line('ratio, 200 subscribers / raw (target >= 0.5)', (r.throughput200 / r.rawThroughput).toFixed(2));
  console.log('(d) recovery: 10 % of 200 subscribers drop mid-run, reconnect, sync.resume');
  line('events in the run / connections dropped', `${r.recovery.events} / ${r.recovery.dropped}`);
  line('share recovered by dropped connections (target 100 %)', `${(100 * r.recovery.recovered).toFixed(2)} %`);
  line('share received by connections that stayed', `${(100 * r.recovery.control).toFixed(2)} %`);
  line('resumes answered / reloads / duplicates or out of order', `${r.recovery.resumed} / ${r.recovery.reloads} / ${r.recovery.extra}`);
  console.log(`(e) memory per idle socket at ${PLAN.idleSockets.toLocaleString('en')} sockets (target <= 30 KB)`);
  line('heap + external after full GC, KB per socket', (r.memory.heapPerSocket / 1024).toFixed(1));
  line('resident set size, KB per socket', (r.memory.rssPerSocket / 1024).toFixed(1));
  line('moves answered with an error', r.failedMoves);
  console.log('CPU per move, ms: server / its PostgreSQL / subscriber processes / this load generator');
  for (const [phase, cpu] of Object.entries(r.cpu)) {
    line(phase, [cpu.server, cpu.postgres, cpu.subscribers, cpu.load].map((value) => value.toFixed(2)).join(' / '));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
