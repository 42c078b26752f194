import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { Role } from '@app/shared';
import { APP_CONFIG } from '../../common/config/config.provider.js';
import type { AppConfig } from '../../common/config/config.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { AuthService } from './auth.service.js';
import type { RequestWithUser } from './current-user.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';
import { REQUIRED_ROLES } from './roles.decorator.js';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie.js';

/**
 * Installed as APP_GUARD: every HTTP route needs a live session unless marked `@Public()`, and
 * routes marked `@Roles(...)` also need one of those roles.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Sockets authenticate once, at the handshake (AuthService.userFromSessionToken), not per message.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<RequestWithUser>();
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const session = await this.auth.authenticate(token);
    if (!session) throw new DomainError('UNAUTHENTICATED', 401);
    request.user = session.user;
    if (session.renewed) {
      setSessionCookie(http.getResponse<Response>(), token as string, this.config.NODE_ENV === 'production');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.includes(session.user.role)) throw new DomainError('FORBIDDEN', 403);
    return true;
  }
}
