import type { IncomingMessage } from 'node:http';
import { Inject } from '@nestjs/common';
import {
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
  type ClientEventName,
  type RealtimeAck,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { comesFromAnotherSite } from '../../common/http/same-origin.js';
import { parseInput } from '../../common/validation/zod-validation.pipe.js';
import { AuthService } from '../auth/auth.service.js';
import { sessionTokenFromCookieHeader } from '../auth/session-cookie.js';
import { sessionIdOf } from '../auth/session-token.js';
import { CaseEventRelay } from './case-event-relay.js';
import { ClusterAdapterProvider } from './cluster-adapter.provider.js';
import { PresenceService } from './presence.service.js';
import { errorAck } from './socket-ack.js';
import { REALTIME_SETTINGS, type RealtimeSettings } from './realtime.settings.js';
import { sessionRoom, SessionWatch } from './session-watch.js';
import { TokenBucket } from './token-bucket.js';
import type { RealtimeServer, RealtimeSocket } from './realtime.types.js';

type ClientInput<Name extends ClientEventName> = z.output<(typeof CLIENT_EVENT_SCHEMAS)[Name]>;

/**
 * Browsers send the session cookie on a WebSocket handshake from any site; only pages of the
 * board itself may use it.
 */
function sameOriginOnly(request: IncomingMessage, callback: (error: string | null, success: boolean) => void): void {
  callback(null, !comesFromAnotherSite(request.headers));
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
  @WebSocketServer() private readonly server: RealtimeServer;

  constructor(
    private readonly auth: AuthService,
    private readonly relay: CaseEventRelay,
    private readonly presence: PresenceService,
    private readonly clusterAdapter: ClusterAdapterProvider,
    private readonly sessionWatch: SessionWatch,
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
    this.sessionWatch.attach(server);
  }

  private async authenticate(socket: RealtimeSocket): Promise<void> {
    const token = sessionTokenFromCookieHeader(socket.handshake.headers.cookie);
    const user = await this.auth.userFromSessionToken(token);
    if (!user) throw new DomainError('UNAUTHENTICATED', 401);
    socket.data.user = user;
    socket.data.sessionId = sessionIdOf(token)!;
  }

  handleConnection(socket: RealtimeSocket): void {
    const bucket = new TokenBucket(this.settings.messagesPerSecond, this.settings.messageBurst);
    socket.use((packet, next) => {
      if (bucket.take()) return next();
      const ack: unknown = packet.at(-1);
      if (typeof ack === 'function') ack(errorAck(new DomainError('RATE_LIMITED', 429), acceptLanguage(socket)));
    });
    void socket.join([BOARD_ROOM, userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId)]);
    for (const [event, listener] of this.listeners) (socket as unknown as NodeJS.EventEmitter).on(event, listener);
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

  /**
   * What each client message does, after parsing with its shared schema. Bound to sockets as
   * plain listeners rather than with @SubscribeMessage: Nest builds an rxjs pipeline per handler
   * per connection, which measured about 22 KB per idle socket (bench/README.md).
   */
  private readonly handlers: { [Name in ClientEventName]: (socket: RealtimeSocket, input: ClientInput<Name>) => Promise<object> } = {
    'sync.resume': (socket, input) => this.relay.resume(socket, input.lastSeq),
    'case.open': async (socket, input) => ({ presence: await this.presence.open(socket, input.caseId) }),
    'case.close': async (socket, input) => {
      await this.presence.close(socket, input.caseId);
      return {};
    },
    'field.editing': async (socket, input) => {
      await this.presence.editing(socket, input.caseId, input.field);
      return {};
    },
    'field.idle': async (socket, input) => {
      this.presence.idle(socket, input.caseId, input.field);
      return {};
    },
  };

  /** One listener function per event, shared by every socket (`this` is the socket). */
  private readonly listeners = (Object.keys(CLIENT_EVENT_SCHEMAS) as ClientEventName[]).map((event) => {
    const gateway = this;
    const listener = function (this: RealtimeSocket, ...args: unknown[]): void {
      void gateway.answer(this, event, args);
    };
    return [event, listener] as const;
  });

  /** Answers through the acknowledgement, errors included: a bad message never throws. */
  private async answer(socket: RealtimeSocket, event: ClientEventName, args: unknown[]): Promise<void> {
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (answer: RealtimeAck) => void) : undefined;
    let answer: RealtimeAck;
    try {
      const input = parseInput(CLIENT_EVENT_SCHEMAS[event], args[0]);
      const handler = this.handlers[event] as (socket: RealtimeSocket, input: unknown) => Promise<object>;
      answer = { ok: true, ...(await handler(socket, input)) };
    } catch (error) {
      answer = errorAck(error, acceptLanguage(socket));
    }
    ack?.(answer);
  }
}
