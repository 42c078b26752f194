import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The id of the request that caused a change. A client may choose it (X-Request-Id) so it can
 * recognise the echo of its own change among live events; otherwise the server makes one.
 */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
}

export const RequestId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<IncomingMessage & { id?: unknown }>();
  return typeof request.id === 'string' ? request.id : requestIdFor(request);
});
