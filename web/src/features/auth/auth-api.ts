import type { LoginInput, UserSummary } from '@app/shared';
import { apiRequest } from '../../app/api-client.js';

export function fetchSessionUser(): Promise<UserSummary> {
  return apiRequest<UserSummary>('/auth/me');
}

export function postLogin(input: LoginInput): Promise<UserSummary> {
  return apiRequest<UserSummary>('/auth/login', { method: 'POST', body: JSON.stringify(input) });
}

export function postLogout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST' });
}
