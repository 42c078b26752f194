import type { IncomingMessage } from 'node:http';
import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { ServerOptions } from 'socket.io';
import type { z } from 'zod';
import {
  BOARD_ROOM,
  CLIENT_EVENT_SCHEMAS,
  userRoom,
  type PresenceSnapshot,
  type RealtimeAck,
  type SyncResumeResult,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { parseInput } from '../../common/validation/zod-validation.pipe.js';
import { AuthService } from '../auth/auth.service.js';
import { sessionTokenFromCookieHeader } from '../auth/session-cookie.js';
import { CaseEventRelay } from './case-event-relay.js';
import { ClusterAdapterProvider } from './cluster-adapter.provider.js';
import { PresenceService } from './presence.service.js';
import { errorAck } from './socket-ack.js';
import { REALTIME_SETTINGS, type RealtimeSettings } from './realtime.settings.js';
import { TokenBucket } from './token-bucket.js';
import type { RealtimeServer, RealtimeSocket } from './realtime.types.js';

/**
 * Browsers send the session cookie on a WebSocket handshake from any site; only pages of the
 * board itself may use it. Clients that send no Origin (scripts, tests) are not browsers.
 */
function sameOriginOnly(request: IncomingMessage, callback: (error: string | null, success: boolean) => void): void {
  const origin = request.headers.origin;
  if (!origin) return callback(null, true);
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  callback(null, originHost === request.headers.host);
}

const acceptLanguage = (socket: RealtimeSocket) => socket.handshake.headers['accept-language'];

@WebSocketGateway<Partial<ServerOptions>>({
  serveClient: false,
  // Client messages are a few dozen bytes; anything near this is abuse, and closes only that connection.
  maxHttpBufferSize: 16 * 1024,
  allowRequest: sameOriginOnly,
  // Recovery replays packets after a brief blip, provided the adapter keeps them: the in-memory
  // one does, but the Postgres and Redis pub/sub adapters used here keep none, so restoring
  // misses and every reconnect is a new connection. That is why the client always sends
  // sync.resume {lastSeq} after (re)connecting: it covers blips and everything else (another
  // instance, a restart, a long absence) from the event log, and the client drops any event
  // it already has by seq, so the two can never deliver something twice.
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
})
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('RealtimeGateway');
  @WebSocketServer() private readonly server: RealtimeServer;

  constructor(
    private readonly auth: AuthService,
    private readonly relay: CaseEventRelay,
    private readonly presence: PresenceService,
    private readonly clusterAdapter: ClusterAdapterProvider,
    @Inject(REALTIME_SETTINGS) private readonly settings: RealtimeSettings,
  ) {}

  afterInit(server: RealtimeServer): void {
    server.adapter(this.clusterAdapter.create());
    server.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => {
          const { code, message } = errorAck(error, acceptLanguage(socket));
          next(Object.assign(new Error(message), { data: { code, message } }));
        },
      );
    });
    this.relay.attach(server);
    this.presence.attach(server);
  }

  private async authenticate(socket: RealtimeSocket): Promise<void> {
    const token = sessionTokenFromCookieHeader(socket.handshake.headers.cookie);
    const user = await this.auth.userFromSessionToken(token);
    if (!user) throw new DomainError('UNAUTHENTICATED', 401);
    socket.data.user = user;
  }

  handleConnection(socket: RealtimeSocket): void {
    const bucket = new TokenBucket(this.settings.messagesPerSecond, this.settings.messageBurst);
    socket.use((packet, next) => {
      if (bucket.take()) return next();
      const ack: unknown = packet.at(-1);
      if (typeof ack === 'function') ack(errorAck(new DomainError('RATE_LIMITED', 429), acceptLanguage(socket)));
    });
    void socket.join([BOARD_ROOM, userRoom(socket.data.user.id)]);
    const { id, displayName, role } = socket.data.user;
    this.server.local.to(socket.id).emit('session.ready', {
      user: { userId: id, displayName, role },
      latestSeq: this.relay.register(socket),
      presence: this.presence.boardPresence(),
    });
  }

  handleDisconnect(socket: RealtimeSocket): void {
    if (socket.data.user) this.presence.disconnect(socket);
  }

  @SubscribeMessage('sync.resume')
  resume(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<RealtimeAck<SyncResumeResult>> {
    return this.answer(socket, 'sync.resume', body, (input) => this.relay.resume(socket, input.lastSeq));
  }

  @SubscribeMessage('case.open')
  open(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<RealtimeAck<{ presence: PresenceSnapshot }>> {
    return this.answer(socket, 'case.open', body, async (input) => ({ presence: await this.presence.open(socket, input.caseId) }));
  }

  @SubscribeMessage('case.close')
  close(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<RealtimeAck> {
    return this.answer(socket, 'case.close', body, async (input) => {
      await this.presence.close(socket, input.caseId);
      return {};
    });
  }

  @SubscribeMessage('field.editing')
  editing(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<RealtimeAck> {
    return this.answer(socket, 'field.editing', body, async (input) => {
      await this.presence.editing(socket, input.caseId, input.field);
      return {};
    });
  }

  @SubscribeMessage('field.idle')
  idle(@ConnectedSocket() socket: RealtimeSocket, @MessageBody() body: unknown): Promise<RealtimeAck> {
    return this.answer(socket, 'field.idle', body, (input) => {
      this.presence.idle(socket, input.caseId, input.field);
      return {};
    });
  }

  /** Parses with the shared schema and answers through the acknowledgement, errors included: a bad message never throws. */
  private async answer<Name extends keyof typeof CLIENT_EVENT_SCHEMAS, Result extends object>(
    socket: RealtimeSocket,
    event: Name,
    body: unknown,
    work: (input: z.output<(typeof CLIENT_EVENT_SCHEMAS)[Name]>) => Promise<Result> | Result,
  ): Promise<RealtimeAck<Result>> {
    try {
      const input = parseInput(CLIENT_EVENT_SCHEMAS[event], body) as z.output<(typeof CLIENT_EVENT_SCHEMAS)[Name]>;
      return { ok: true, ...(await work(input)) };
    } catch (error) {
      this.logger.debug(`${event} refused for socket ${socket.id}`);
      return errorAck(error, acceptLanguage(socket));
    }
  }
}
