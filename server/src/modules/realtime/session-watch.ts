import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { AuthService } from '../auth/auth.service.js';
import { SessionEndings } from '../auth/session-endings.js';
import { REALTIME_SETTINGS, type RealtimeSettings } from './realtime.settings.js';
import type { RealtimeServer } from './realtime.types.js';

/** Server-side only: clients never join or see it. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;

/**
 * A socket lives as long as the session it was opened with. A sign-out closes the session's
 * sockets at once, on every instance (the adapter carries the disconnect); sessions that expire
 * or whose user is deactivated are found by a periodic check of this instance's own sockets.
 */
@Injectable()
export class SessionWatch implements OnModuleDestroy {
  private readonly logger = new Logger('SessionWatch');
  private server: RealtimeServer;
  private signOuts: Subscription | undefined;
  private checkTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly auth: AuthService,
    private readonly endings: SessionEndings,
    @Inject(REALTIME_SETTINGS) private readonly settings: RealtimeSettings,
  ) {}

  attach(server: RealtimeServer): void {
    this.server = server;
    this.signOuts = this.endings.sessionIds.subscribe((sessionId) => {
      this.server.in(sessionRoom(sessionId)).disconnectSockets(true);
    });
    this.checkTimer = setInterval(() => {
      this.closeEndedSessions().catch((error: Error) => this.logger.warn(`session check failed: ${error.message}`));
    }, this.settings.sessionCheckMs);
  }

  onModuleDestroy(): void {
    this.signOuts?.unsubscribe();
    clearInterval(this.checkTimer);
  }

  /** Closes this instance's sockets whose session is no longer live; runs every `sessionCheckMs`. */
  async closeEndedSessions(): Promise<void> {
    const open = new Set<string>();
    for (const socket of this.server.sockets.sockets.values()) open.add(socket.data.sessionId);
    const live = await this.auth.liveSessionIds([...open]);
    for (const sessionId of open) {
      if (!live.has(sessionId)) this.server.local.in(sessionRoom(sessionId)).disconnectSockets(true);
    }
  }
}
