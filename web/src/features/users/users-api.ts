import type { ChangeOwnPasswordInput, CreateUserInput, ResetPasswordInput, UpdateUserInput, UserAccount } from '@app/shared';
import { apiRequest } from '../../app/api-client.js';

/** Every account, the deactivated ones too (admins only). */
export function fetchAllUsers(signal: AbortSignal): Promise<UserAccount[]> {
  return apiRequest('/users?includeInactive=true', { signal });
}

export function createUser(input: CreateUserInput): Promise<UserAccount> {
  return apiRequest('/users', { method: 'POST', body: JSON.stringify(input) });
}

export function updateUser(id: string, changes: UpdateUserInput): Promise<UserAccount> {
  return apiRequest(`/users/${id}`, { method: 'PATCH', body: JSON.stringify(changes) });
}

export function resetPassword(id: string, input: ResetPasswordInput): Promise<void> {
  return apiRequest(`/users/${id}/password`, { method: 'POST', body: JSON.stringify(input) });
}

export function changeOwnPassword(input: ChangeOwnPasswordInput): Promise<void> {
  return apiRequest('/auth/password', { method: 'POST', body: JSON.stringify(input) });
}
