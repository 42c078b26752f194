// A child process holding many real socket.io-client connections to the board, as browsers
// would. Driven by bench/realtime.mjs over IPC; reports when each move event arrived, on the
// machine-wide monotonic clock (process.hrtime), so the parent can compare across processes.
import { io } from 'socket.io-client';

/** Microseconds on CLOCK_MONOTONIC: the same clock in every process on this machine. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

const clients = [];
/** requestId -> [subscribers that have it, last arrival in µs] */
let arrivals = new Map();

/** In seq order, each once; counts anything that arrives behind what was already accepted. */
function accept(client, event, at) {
  if (client.lastSeq !== null && event.seq <= client.lastSeq) {
    client.outOfOrder += 1;
    return;
  }
  client.lastSeq = event.seq;
  client.seqs?.add(event.seq);
  const seen = arrivals.get(event.requestId);
  if (seen) {
    seen[0] += 1;
    if (at > seen[1]) seen[1] = at;
  } else {
    arrivals.set(event.requestId, [1, at]);
  }
}

function connectOne(url, cookie) {
  const socket = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    forceNew: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 1_000,
  });
  const client = { socket, lastSeq: null, seqs: null, held: null, outOfOrder: 0, resumed: 0, reloads: 0 };
  socket.on('session.ready', (ready) => {
    if (client.lastSeq === null) {
      client.lastSeq = ready.latestSeq;
      return;
    }
    // Back after a drop: ask for what was missed and hold live events until the answer, as the
    // web client (SeqTracker) does, so the replay cannot be overtaken.
    client.held = [];
    socket.emit('sync.resume', { lastSeq: client.lastSeq }, () => {
      const held = client.held.sort((a, b) => a.event.seq - b.event.seq);
      client.held = null;
      client.resumed += 1;
      for (const { event, at } of held) accept(client, event, at);
    });
  });
  socket.on('sync.reload', () => (client.reloads += 1));
  socket.on('case.moved', (event) => {
    const at = nowUs();
    if (client.held) client.held.push({ event, at });
    else accept(client, event, at);
  });
  clients.push(client);
  return new Promise((resolve, reject) => {
    socket.once('session.ready', resolve);
    socket.once('connect_error', reject);
  });
}

const handlers = {
  async connect({ url, cookie, count }) {
    for (let i = 0; i < count; i += 50) {
      await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => connectOne(url, cookie)));
    }
    return { connected: clients.length };
  },

  startPhase() {
    arrivals = new Map();
    return {};
  },

  endPhase() {
    return { arrivals: [...arrivals], outOfOrder: clients.reduce((sum, client) => sum + client.outOfOrder, 0) };
  },

  /** Records every seq the first `count` connections accept from now on. */
  track({ count }) {
    for (const client of clients.slice(0, count)) client.seqs = new Set();
    return {};
  },

  /** Cuts the transport of the first `count` connections; socket.io-client reconnects them by itself. */
  drop({ count }) {
    for (const client of clients.slice(0, count)) client.socket.io.engine.close();
    return {};
  },

  /** Per tracked connection: how many of the `expected` seqs it has, and anything else it got. */
  report({ count, expected }) {
    return {
      clients: clients.slice(0, count).map((client) => {
        const received = expected.filter((seq) => client.seqs.has(seq)).length;
        return { received, extra: client.seqs.size - received, outOfOrder: client.outOfOrder, resumed: client.resumed, reloads: client.reloads };
      }),
    };
  },

  disconnectAll() {
    for (const client of clients.splice(0)) client.socket.disconnect();
    return {};
  },
};

process.on('message', async ({ id, command, args }) => {
  try {
    process.send({ id, ok: true, result: await handlers[command](args ?? {}) });
  } catch (error) {
    process.send({ id, ok: false, error: String(error?.message ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
