import type { Role } from '@app/shared';

export const SETTINGS_PATH = '/settings';

/** Only admins change the settings (the server refuses anyone else's PUT), so only they get the page. */
export function mayChangeSettings(role: Role): boolean {
  return role === 'admin';
}
