import type { UserSummary } from '@app/shared';

/** Who is changing a case, and the request that carries the change (echoed on live events). */
export interface ChangeContext {
  user: UserSummary;
  requestId: string;
}
