import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { BOARD_ROOM, type LiveCaseEvent, type ServerToClientEvents, type SyncResumeResult, type TimelineEntry } from '@app/shared';
import { CaseEventsBus } from '../timeline/case-events.bus.js';
import { TimelineService } from '../timeline/timeline.service.js';
import { mayFollowCase } from './case-audience.js';
import { CommitOrder } from './commit-order.js';
import { REALTIME_SETTINGS, type RealtimeSettings } from './realtime.settings.js';
import { RealtimeRepository } from './realtime.repository.js';
import type { RealtimeServer, RealtimeSocket } from './realtime.types.js';

/** Where one connection stands in the event stream. */
interface Cursor {
  /** Events in (sentAfter, lastSentSeq] have been sent on this connection, or were not for it. */
  sentAfter: number;
  lastSentSeq: number;
  /** Set while a resume reads the log: live events wait in `held` so they cannot overtake the replay. */
  held: TimelineEntry[] | undefined;
  /** Resumes of one connection run one after the other. */
  resumes: Promise<unknown>;
}

/**
 * Takes committed case events to the connected clients: after commit, in seq order, each event
 * once per client, and the ones a client missed while away from the event log.
 *
 * With several instances each one announces only the commits of its own CaseEventsBus, through
 * the adapter (`case.committed`), and every instance delivers to its own sockets only
 * (`server.local`). So a client, connected to exactly one instance, gets each event exactly once,
 * and the per-connection decision (mayFollowCase) is taken where that connection lives.
 */
@Injectable()
export class CaseEventRelay implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CaseEventRelay');
  private server: RealtimeServer | undefined;
  private order: CommitOrder | undefined;
  private subscription: Subscription | undefined;
  private headCheck: NodeJS.Timeout | undefined;
  private lastActivity = Date.now();
  private readonly cursors = new WeakMap<RealtimeSocket, Cursor>();

  constructor(
    private readonly bus: CaseEventsBus,
    private readonly timeline: TimelineService,
    private readonly repository: RealtimeRepository,
    @Inject(REALTIME_SETTINGS) private readonly settings: RealtimeSettings,
  ) {}

  attach(server: RealtimeServer): void {
    this.server = server;
    server.on('case.committed', (entry) => this.order?.accept(entry));
  }

  async onModuleInit(): Promise<void> {
    this.order = new CommitOrder({
      after: await this.repository.headSeq(),
      deliver: (entry) => this.deliver(entry),
      readLog: (seq, limit) => this.timeline.since(seq, limit),
      gapGraceMs: this.settings.gapGraceMs,
      onError: (error) => this.logger.warn(`reading missed events failed: ${String(error)}`),
    });
    this.subscription = this.bus.events.subscribe((entry) => {
      this.order?.accept(entry);
      this.server?.serverSideEmit('case.committed', entry);
    });
    // A lost announcement is noticed by the gap it leaves when the next event arrives; when
    // nothing follows, this check finds it.
    this.headCheck = setInterval(() => {
      if (Date.now() - this.lastActivity >= this.settings.headCheckMs) void this.order?.catchUp();
    }, this.settings.headCheckMs);
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    clearInterval(this.headCheck);
    this.order?.stop();
  }

  /** A new connection gets live events after the returned seq. */
  register(socket: RealtimeSocket): number {
    const latestSeq = this.order?.lastDelivered ?? 0;
    this.cursors.set(socket, { sentAfter: latestSeq, lastSentSeq: latestSeq, held: undefined, resumes: Promise.resolve() });
    return latestSeq;
  }

  /** Sends what the client missed after `lastSeq`, in order, before any later live event. */
  resume(socket: RealtimeSocket, lastSeq: number): Promise<SyncResumeResult> {
    const cursor = this.cursorOf(socket);
    const result = cursor.resumes.then(() => this.replay(socket, cursor, lastSeq));
    cursor.resumes = result.catch(() => undefined);
    return result;
  }

  private async replay(socket: RealtimeSocket, cursor: Cursor, lastSeq: number): Promise<SyncResumeResult> {
    cursor.held = [];
    try {
      const limit = this.settings.resumeLimit;
      const missed = await this.timeline.since(lastSeq, limit + 1);
      const unknownPosition = missed.length === 0 && lastSeq > (this.order?.lastDelivered ?? 0) && lastSeq > (await this.repository.headSeq());
      if (missed.length > limit || unknownPosition) {
        // The client refetches; what it fetches includes every event up to here.
        const latestSeq = Math.max(this.order?.lastDelivered ?? 0, cursor.lastSentSeq);
        cursor.lastSentSeq = latestSeq;
        this.send(socket, 'sync.reload', { latestSeq });
        return { reload: true, latestSeq };
      }
      const alreadySent = (seq: number) => seq > cursor.sentAfter && seq <= cursor.lastSentSeq;
      const replay = missed.filter((entry) => !alreadySent(entry.seq) && mayFollowCase(socket.data.user, entry.caseId));
      for (const entry of replay) this.sendEvent(socket, entry);
      const throughSeq = Math.max(lastSeq, missed.at(-1)?.seq ?? lastSeq);
      cursor.sentAfter = Math.min(cursor.sentAfter, lastSeq);
      cursor.lastSentSeq = Math.max(cursor.lastSentSeq, throughSeq);
      return { replayed: replay.length, throughSeq };
    } finally {
      const held = cursor.held;
      cursor.held = undefined;
      for (const entry of held) this.deliverTo(socket, cursor, entry);
    }
  }

  private deliver(entry: TimelineEntry): void {
    this.lastActivity = Date.now();
    const server = this.server;
    if (!server) return;
    const recipients: string[] = [];
    for (const socketId of server.of('/').adapter.rooms.get(BOARD_ROOM) ?? []) {
      const socket = server.of('/').sockets.get(socketId);
      const cursor = socket && this.cursors.get(socket);
      if (!cursor) continue;
      if (cursor.held) {
        cursor.held.push(entry);
      } else if (entry.seq > cursor.lastSentSeq) {
        cursor.lastSentSeq = entry.seq;
        if (mayFollowCase(socket.data.user, entry.caseId)) recipients.push(socketId);
      }
    }
    // Encoded once for all recipients; `local` because the other instances deliver it themselves.
    if (recipients.length > 0) server.local.to(recipients).emit(entry.type, toLiveEvent(entry));
  }

  private deliverTo(socket: RealtimeSocket, cursor: Cursor, entry: TimelineEntry): void {
    if (entry.seq <= cursor.lastSentSeq) return;
    cursor.lastSentSeq = entry.seq;
    if (mayFollowCase(socket.data.user, entry.caseId)) this.sendEvent(socket, entry);
  }

  private sendEvent(socket: RealtimeSocket, entry: TimelineEntry): void {
    this.send(socket, entry.type, toLiveEvent(entry));
  }

  /**
   * To one socket through `local`: with connectionStateRecovery on, socket.emit would go through
   * the cluster adapter's broadcast and cost a NOTIFY round trip per packet.
   */
  private send<Event extends keyof ServerToClientEvents>(
    socket: RealtimeSocket,
    event: Event,
    ...payload: Parameters<ServerToClientEvents[Event]>
  ): void {
    this.server!.local.to(socket.id).emit(event, ...payload);
  }

  private cursorOf(socket: RealtimeSocket): Cursor {
    const cursor = this.cursors.get(socket);
    if (!cursor) throw new Error(`socket ${socket.id} was never registered`);
    return cursor;
  }
}

function toLiveEvent({ prevHash: _prevHash, hash: _hash, ...event }: TimelineEntry): LiveCaseEvent {
  return event;
}
