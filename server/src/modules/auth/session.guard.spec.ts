import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { describe, expect, it, vi } from 'vitest';
import type { UserSummary } from '@app/shared';
import { loadConfig } from '../../common/config/config.js';
import type { AuthenticatedSession, AuthService } from './auth.service.js';
import { Public } from './public.decorator.js';
import { Roles } from './roles.decorator.js';
import { SessionGuard } from './session.guard.js';

const agent: UserSummary = {
  id: '7d0c2a52-51c6-4a39-9a0e-3f1d8a1f0c11',
  username: 'agent',
  displayName: '王晓燕',
  role: 'cs_agent',
  department: 'customer_service',
};

// Decorators applied by hand: specs are outside the tsconfig that enables decorator syntax.
class Routes {
  plain() {}
  open() {}
  adminOnly() {}
  customerService() {}
}
const decorateMethod = (decorator: MethodDecorator, name: keyof Routes) =>
  decorator(Routes.prototype, name, Object.getOwnPropertyDescriptor(Routes.prototype, name)!);
decorateMethod(Public(), 'open');
decorateMethod(Roles('admin'), 'adminOnly');
decorateMethod(Roles('cs_agent', 'cs_supervisor'), 'customerService');

class AdminRoutes {
  list() {}
}
Roles('admin')(AdminRoutes);

function guardWith(session: AuthenticatedSession | undefined) {
  const auth = { authenticate: vi.fn(async () => session) };
  const guard = new SessionGuard(new Reflector(), auth as unknown as AuthService, loadConfig({}));
  return { guard, auth };
}

function http(controller: object, handler: string, cookies: Record<string, string> = { sid: 'token' }) {
  const request: { cookies: Record<string, string>; user?: UserSummary } = { cookies };
  const response = { cookie: vi.fn() };
  const prototype = (controller as { prototype: Record<string, () => void> }).prototype;
  const context = new ExecutionContextHost([request, response], controller as never, prototype[handler]);
  context.setType('http');
  return { context, request, response };
}

describe('SessionGuard', () => {
  it('lets public routes through without looking for a session', async () => {
    const { guard, auth } = guardWith(undefined);
    await expect(guard.canActivate(http(Routes, 'open', {}).context)).resolves.toBe(true);
    expect(auth.authenticate).not.toHaveBeenCalled();
  });

  it('refuses other routes without a live session: 401 UNAUTHENTICATED', async () => {
    const { guard } = guardWith(undefined);
    await expect(guard.canActivate(http(Routes, 'plain').context)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('attaches the user, and sends the cookie again only when the session was renewed', async () => {
    const quiet = http(Routes, 'plain');
    await expect(guardWith({ user: agent, renewed: false }).guard.canActivate(quiet.context)).resolves.toBe(true);
    expect(quiet.request.user).toEqual(agent);
    expect(quiet.response.cookie).not.toHaveBeenCalled();

    const renewed = http(Routes, 'plain');
    await guardWith({ user: agent, renewed: true }).guard.canActivate(renewed.context);
    expect(renewed.response.cookie).toHaveBeenCalledWith('sid', 'token', expect.objectContaining({ httpOnly: true }));
  });

  it('enforces @Roles on handlers and on whole controllers: 403 FORBIDDEN for other roles', async () => {
    const { guard } = guardWith({ user: agent, renewed: false });
    await expect(guard.canActivate(http(Routes, 'customerService').context)).resolves.toBe(true);
    await expect(guard.canActivate(http(Routes, 'adminOnly').context)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(guard.canActivate(http(AdminRoutes, 'list').context)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = guardWith({ user: { ...agent, role: 'admin' }, renewed: false }).guard;
    await expect(admin.canActivate(http(AdminRoutes, 'list').context)).resolves.toBe(true);
  });
});
