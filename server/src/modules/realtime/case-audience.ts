import type { UserSummary } from '@app/shared';

/**
 * The one place that decides whether a connection may receive a case's live events, presence
 * and room. Today every staff role may see every case (the board and GET /api/cases show all of
 * them to every signed-in user), so it admits everyone; restricting by department or ownership
 * later means changing this function only, since every delivery asks it per connection.
 */
export function mayFollowCase(_user: UserSummary, _caseId: string): boolean {
  return true;
}
