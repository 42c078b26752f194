import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { UserSummary } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';

/** The signed-in user as handlers see it. */
export type SessionUser = UserSummary;

/** A request that passed the session guard carries its user. */
export type RequestWithUser = Request & { user?: SessionUser };

/** `@CurrentUser() user: SessionUser`, the user of the current session. Not available on `@Public()` routes. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  const user = context.switchToHttp().getRequest<RequestWithUser>().user;
  if (!user) throw new DomainError('UNAUTHENTICATED', 401);
  return user;
});
