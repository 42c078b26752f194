import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { BOARD_ROOM, caseRoom, type PresenceSnapshot } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { mayFollowCase } from './case-audience.js';
import { PresenceRegistry, type PresenceAnnouncement } from './presence-registry.js';
import { REALTIME_SETTINGS, type RealtimeSettings } from './realtime.settings.js';
import { RealtimeRepository } from './realtime.repository.js';
import type { RealtimeServer, RealtimeSocket } from './realtime.types.js';

/**
 * Who has which case open and who is editing which field, across instances.
 *
 * Kept per instance and merged through the adapter: each instance knows its own sockets
 * exactly, announces every change of them (`presence.announce`, versioned), repeats its whole
 * state every `presenceRefreshMs`, and every instance tells its own sockets the merged result.
 * Chosen over `fetchSockets()` per change, which asks every instance on each keystroke-level
 * change, fails until the heartbeat notices a dead instance, and lets two instances' snapshots
 * arrive in the wrong order and leave a stale list; and over a PostgreSQL table, which costs a
 * write per editing renewal and, for rows a crashed instance leaves behind, needs the same
 * expiry anyway. An instance that stops announcing is forgotten after three refresh periods.
 */
@Injectable()
export class PresenceService implements OnModuleDestroy {
  private readonly registry = new PresenceRegistry();
  private readonly instanceId = randomUUID();
  private version = 0;
  private server: RealtimeServer | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** What this instance last told its sockets, per case, to tell them only about changes. */
  private readonly told = new Map<string, { viewers: string; all: string }>();
  /** socketId -> `${caseId} ${field}` -> expiry of that editing. */
  private readonly editingTimers = new Map<string, Map<string, NodeJS.Timeout>>();

  constructor(
    private readonly repository: RealtimeRepository,
    @Inject(REALTIME_SETTINGS) private readonly settings: RealtimeSettings,
  ) {}

  attach(server: RealtimeServer): void {
    this.server = server;
    server.on('presence.announce', (announcement) => this.tell(this.registry.applyAnnouncement(announcement, Date.now())));
    this.refreshTimer = setInterval(() => this.refresh(), this.settings.presenceRefreshMs);
  }

  onModuleDestroy(): void {
    clearInterval(this.refreshTimer);
    for (const timers of this.editingTimers.values()) for (const timer of timers.values()) clearTimeout(timer);
    this.editingTimers.clear();
  }

  boardPresence(): PresenceSnapshot[] {
    return this.registry.boardPresence();
  }

  async open(socket: RealtimeSocket, caseId: string): Promise<PresenceSnapshot> {
    if (!this.registry.isOpen(socket.id, caseId)) {
      if (!mayFollowCase(socket.data.user, caseId)) throw new DomainError('FORBIDDEN', 403);
      if (!(await this.repository.caseExists(caseId))) throw new DomainError('CASE_NOT_FOUND', 404);
      // The socket may have gone while the lookup ran; its presence would then never be cleared.
      if (socket.disconnected) throw new DomainError('UNAUTHENTICATED', 401);
      await socket.join(caseRoom(caseId));
      if (this.registry.open(socket.id, socket.data.user, caseId)) this.changed([caseId]);
    }
    return { caseId, ...this.registry.presence(caseId) };
  }

  async close(socket: RealtimeSocket, caseId: string): Promise<void> {
    this.clearEditingTimers(socket.id, caseId);
    await socket.leave(caseRoom(caseId));
    if (this.registry.close(socket.id, caseId)) this.changed([caseId]);
  }

  /** Opens the case too: editing a case means looking at it. */
  async editing(socket: RealtimeSocket, caseId: string, field: string): Promise<void> {
    await this.open(socket, caseId);
    const key = `${caseId} ${field}`;
    let timers = this.editingTimers.get(socket.id);
    if (!timers) this.editingTimers.set(socket.id, (timers = new Map()));
    const timer = timers.get(key);
    if (timer) {
      timer.refresh();
    } else {
      timers.set(
        key,
        setTimeout(() => this.idle(socket, caseId, field), this.settings.editingTimeoutMs),
      );
    }
    if (this.registry.startEditing(socket.id, caseId, field)) this.changed([caseId]);
  }

  idle(socket: RealtimeSocket, caseId: string, field: string): void {
    const timers = this.editingTimers.get(socket.id);
    clearTimeout(timers?.get(`${caseId} ${field}`));
    timers?.delete(`${caseId} ${field}`);
    if (this.registry.stopEditing(socket.id, caseId, field)) this.changed([caseId]);
  }

  disconnect(socket: RealtimeSocket): void {
    for (const timer of this.editingTimers.get(socket.id)?.values() ?? []) clearTimeout(timer);
    this.editingTimers.delete(socket.id);
    this.changed(this.registry.disconnect(socket.id));
  }

  private clearEditingTimers(socketId: string, caseId: string): void {
    const timers = this.editingTimers.get(socketId);
    for (const [key, timer] of timers ?? []) {
      if (!key.startsWith(`${caseId} `)) continue;
      clearTimeout(timer);
      timers!.delete(key);
    }
  }

  /** A change among this instance's own sockets. */
  private changed(caseIds: string[]): void {
    if (caseIds.length === 0) return;
    this.announce(caseIds, false);
    this.tell(caseIds);
  }

  private announce(caseIds: string[], complete: boolean): void {
    const announcement: PresenceAnnouncement = {
      instanceId: this.instanceId,
      version: ++this.version,
      complete,
      cases: caseIds.map((caseId) => ({ caseId, ...this.registry.localPresence(caseId) })),
    };
    this.server?.serverSideEmit('presence.announce', announcement);
  }

  private refresh(): void {
    this.tell(this.registry.forgetSilent(Date.now(), 3 * this.settings.presenceRefreshMs));
    const caseIds = this.registry.localCases();
    if (caseIds.length > 0) this.announce(caseIds, true);
  }

  /** Tells this instance's sockets what changed: everything to the case room, viewers to the rest of the board. */
  private tell(caseIds: string[]): void {
    const server = this.server;
    if (!server) return;
    for (const caseId of new Set(caseIds)) {
      const presence = this.registry.presence(caseId);
      const viewers = JSON.stringify(presence.viewers);
      const all = JSON.stringify(presence);
      const before = this.told.get(caseId);
      if (presence.viewers.length === 0 && presence.editors.length === 0) this.told.delete(caseId);
      else this.told.set(caseId, { viewers, all });
      if (all !== (before?.all ?? EMPTY_ALL)) server.local.to(caseRoom(caseId)).emit('presence.changed', { caseId, ...presence });
      if (viewers !== (before?.viewers ?? EMPTY_VIEWERS)) {
        server.local.to(BOARD_ROOM).except(caseRoom(caseId)).emit('presence.changed', { caseId, viewers: presence.viewers, editors: [] });
      }
    }
  }
}

const EMPTY_VIEWERS = JSON.stringify([]);
const EMPTY_ALL = JSON.stringify({ viewers: [], editors: [] });
