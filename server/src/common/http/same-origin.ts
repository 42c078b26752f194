import type { IncomingHttpHeaders } from 'node:http';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error.js';

/**
 * Whether a browser sent this from a page of another site: its Origin names another host than
 * the one it asked. Browsers attach the session cookie to such requests too (SameSite=Lax stops
 * only some of them); requests without an Origin come from scripts, not from a page.
 */
export function comesFromAnotherSite(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== headers.host;
  } catch {
    return true;
  }
}

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Installed as the first APP_GUARD: no other site's page may change anything, logging in included. */
@Injectable()
export class SameOriginGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!READ_ONLY_METHODS.has(request.method) && comesFromAnotherSite(request.headers)) {
      throw new DomainError('CROSS_SITE_REQUEST', 403);
    }
    return true;
  }
}
