import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { changeOwnPasswordInputSchema, loginInputSchema, type ChangeOwnPasswordInput, type LoginInput } from '@app/shared';
import { APP_CONFIG } from '../../common/config/config.provider.js';
import type { AppConfig } from '../../common/config/config.js';
import { ZodBody } from '../../common/validation/zod-validation.pipe.js';
import { AuthService, type LoginClient } from './auth.service.js';
import { CurrentUser, type SessionUser } from './current-user.decorator.js';
import { Public } from './public.decorator.js';
import { RetryAfterFilter } from './retry-after.filter.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie.js';

@Controller('auth')
export class AuthController {
  private readonly secureCookies: boolean;

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.secureCookies = config.NODE_ENV === 'production';
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseFilters(RetryAfterFilter)
  async login(
    @ZodBody(loginInputSchema) input: LoginInput,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionUser> {
    const { user, token } = await this.auth.login(input, clientOf(request));
    setSessionCookie(response, token, this.secureCookies);
    return user;
  }

  /** Public so that a browser holding an expired session can still have its cookie cleared. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(request.cookies?.[SESSION_COOKIE]);
    clearSessionCookie(response, this.secureCookies);
  }

  /** Ends the user's other sessions; this one stays signed in. */
  @Post('password')
  @HttpCode(204)
  @UseFilters(RetryAfterFilter)
  async changePassword(
    @ZodBody(changeOwnPasswordInputSchema) input: ChangeOwnPasswordInput,
    @CurrentUser() user: SessionUser,
    @Req() request: Request,
  ): Promise<void> {
    await this.auth.changePassword(user, request.cookies?.[SESSION_COOKIE], input, clientOf(request));
  }

  @Get('me')
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }
}

function clientOf(request: Request): LoginClient {
  return { ip: request.ip ?? request.socket.remoteAddress ?? 'unknown', userAgent: request.headers['user-agent'] };
}
