import type { Role } from '@app/shared';

export const USERS_PATH = '/users';

/** Only admins manage users (the server refuses anyone else), so only they get the page. */
export function mayManageUsers(role: Role): boolean {
  return role === 'admin';
}
