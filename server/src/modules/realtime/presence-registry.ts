import type { PresenceEditor, PresenceSnapshot, PresenceViewer, UserSummary } from '@app/shared';

export type CasePresence = Omit<PresenceSnapshot, 'caseId'>;

/** What one instance tells the others about the sockets it holds. */
export interface PresenceAnnouncement {
  instanceId: string;
  /** Increases with every announcement of that instance; older ones arriving late are ignored. */
  version: number;
  /** True: `cases` is everything that instance holds, and any case left out has nobody there. */
  complete: boolean;
  cases: PresenceSnapshot[];
}

interface LocalSocket {
  user: UserSummary;
  open: Set<string>;
  /** caseId -> fields being edited. */
  editing: Map<string, Set<string>>;
}

interface RemoteInstance {
  heardAt: number;
  /** Empty presence is kept, with its version, so an older announcement cannot bring it back. */
  cases: Map<string, { version: number; presence: CasePresence }>;
}

const EMPTY: CasePresence = { viewers: [], editors: [] };

/**
 * Presence as one instance knows it: its own sockets, exactly, and the last announcement of
 * every other instance. Merged per case into who is viewing and who is editing which field.
 */
export class PresenceRegistry {
  private readonly sockets = new Map<string, LocalSocket>();
  /** caseId -> local sockets with it open. */
  private readonly byCase = new Map<string, Set<string>>();
  private readonly remote = new Map<string, RemoteInstance>();

  /** Returns whether anything changed. */
  open(socketId: string, user: UserSummary, caseId: string): boolean {
    let socket = this.sockets.get(socketId);
    if (!socket) {
      socket = { user, open: new Set(), editing: new Map() };
      this.sockets.set(socketId, socket);
    }
    if (socket.open.has(caseId)) return false;
    socket.open.add(caseId);
    let holders = this.byCase.get(caseId);
    if (!holders) this.byCase.set(caseId, (holders = new Set()));
    holders.add(socketId);
    return true;
  }

  isOpen(socketId: string, caseId: string): boolean {
    return this.sockets.get(socketId)?.open.has(caseId) ?? false;
  }

  close(socketId: string, caseId: string): boolean {
    const socket = this.sockets.get(socketId);
    if (!socket?.open.delete(caseId)) return false;
    socket.editing.delete(caseId);
    const holders = this.byCase.get(caseId);
    holders?.delete(socketId);
    if (holders?.size === 0) this.byCase.delete(caseId);
    if (socket.open.size === 0) this.sockets.delete(socketId);
    return true;
  }

  /** The case must be open on that socket. */
  startEditing(socketId: string, caseId: string, field: string): boolean {
    const socket = this.sockets.get(socketId);
    if (!socket?.open.has(caseId)) return false;
    let fields = socket.editing.get(caseId);
    if (!fields) socket.editing.set(caseId, (fields = new Set()));
    if (fields.has(field)) return false;
    fields.add(field);
    return true;
  }

  stopEditing(socketId: string, caseId: string, field: string): boolean {
    const fields = this.sockets.get(socketId)?.editing.get(caseId);
    if (!fields?.delete(field)) return false;
    if (fields.size === 0) this.sockets.get(socketId)!.editing.delete(caseId);
    return true;
  }

  /** Returns the cases the socket had open. */
  disconnect(socketId: string): string[] {
    const cases = [...(this.sockets.get(socketId)?.open ?? [])];
    for (const caseId of cases) this.close(socketId, caseId);
    return cases;
  }

  /** Cases some local socket has open. */
  localCases(): string[] {
    return [...this.byCase.keys()];
  }

  localPresence(caseId: string): CasePresence {
    const viewers: PresenceViewer[] = [];
    const editors: PresenceEditor[] = [];
    for (const socketId of this.byCase.get(caseId) ?? []) {
      const { user, editing } = this.sockets.get(socketId)!;
      viewers.push({ userId: user.id, displayName: user.displayName, role: user.role });
      for (const field of editing.get(caseId) ?? []) editors.push({ userId: user.id, displayName: user.displayName, field });
    }
    return normalise(viewers, editors);
  }

  /** Returns the cases whose merged presence may have changed. */
  applyAnnouncement(announcement: PresenceAnnouncement, now: number): string[] {
    let instance = this.remote.get(announcement.instanceId);
    if (!instance) this.remote.set(announcement.instanceId, (instance = { heardAt: now, cases: new Map() }));
    instance.heardAt = now;
    const touched = new Set<string>();
    for (const { caseId, viewers, editors } of announcement.cases) {
      const known = instance.cases.get(caseId);
      if (known && known.version >= announcement.version) continue;
      instance.cases.set(caseId, { version: announcement.version, presence: { viewers, editors } });
      touched.add(caseId);
    }
    if (announcement.complete) {
      const listed = new Set(announcement.cases.map((c) => c.caseId));
      for (const [caseId, known] of instance.cases) {
        if (listed.has(caseId) || known.version >= announcement.version) continue;
        instance.cases.delete(caseId);
        touched.add(caseId);
      }
    }
    return [...touched];
  }

  /** Drops instances not heard from for `maxSilenceMs` (stopped or cut off); returns the cases they held. */
  forgetSilent(now: number, maxSilenceMs: number): string[] {
    const touched: string[] = [];
    for (const [instanceId, instance] of this.remote) {
      if (now - instance.heardAt <= maxSilenceMs) continue;
      this.remote.delete(instanceId);
      touched.push(...instance.cases.keys());
    }
    return touched;
  }

  /** Everyone on every instance. */
  presence(caseId: string): CasePresence {
    const local = this.localPresence(caseId);
    const viewers = [...local.viewers];
    const editors = [...local.editors];
    for (const instance of this.remote.values()) {
      const presence = instance.cases.get(caseId)?.presence ?? EMPTY;
      viewers.push(...presence.viewers);
      editors.push(...presence.editors);
    }
    return normalise(viewers, editors);
  }

  /** Every case somebody has open anywhere, viewers only, as the board shows them. */
  boardPresence(): PresenceSnapshot[] {
    const caseIds = new Set(this.byCase.keys());
    for (const instance of this.remote.values()) {
      for (const [caseId, { presence }] of instance.cases) if (presence.viewers.length > 0) caseIds.add(caseId);
    }
    return [...caseIds].map((caseId) => ({ caseId, viewers: this.presence(caseId).viewers, editors: [] }));
  }
}

/** One entry per user (several tabs count once), in a stable order so snapshots compare by value. */
function normalise(viewers: PresenceViewer[], editors: PresenceEditor[]): CasePresence {
  const uniqueViewers = new Map(viewers.map((viewer) => [viewer.userId, viewer]));
  const uniqueEditors = new Map(editors.map((editor) => [`${editor.userId} ${editor.field}`, editor]));
  return {
    viewers: [...uniqueViewers.values()].sort((a, b) => a.userId.localeCompare(b.userId)),
    editors: [...uniqueEditors.values()].sort((a, b) => a.field.localeCompare(b.field) || a.userId.localeCompare(b.userId)),
  };
}
