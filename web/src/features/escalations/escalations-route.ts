import type { Location } from 'react-router';

export const ESCALATIONS_PATH = '/escalations';

/**
 * What a case opened from the escalation view carries in the history entry: the case drawer
 * closes back to `returnTo`, and the view stays underneath meanwhile (also across a reload).
 */
export interface OpenedFromEscalations {
  returnTo: string;
}

/** Whether the escalation view is the screen under this URL: its own, or a dialog opened from it. */
export function showsEscalations(location: Location): boolean {
  if (location.pathname === ESCALATIONS_PATH) return true;
  const returnTo = (location.state as Partial<OpenedFromEscalations> | null)?.returnTo;
  return typeof returnTo === 'string' && returnTo.split('?')[0] === ESCALATIONS_PATH;
}
