import type { CookieOptions, Response } from 'express';

export const SESSION_COOKIE = 'sid';

/** Idle time after which a session ends; every authenticated request pushes it back. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookie(response: Response, token: string, secure: boolean): void {
  response.cookie(SESSION_COOKIE, token, { ...cookieOptions(secure), maxAge: SESSION_TTL_MS });
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(secure));
}

/** The session token from a raw Cookie header, for socket handshakes that do not pass through cookie-parser. */
export function sessionTokenFromCookieHeader(header: string | undefined): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === SESSION_COOKIE) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
