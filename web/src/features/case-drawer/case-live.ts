import { createContext, useCallback, useContext, useEffect, useRef } from 'react';
import type { PresenceEditor, PresenceViewer } from '@app/shared';

/**
 * What the drawer needs from the realtime connection for one open case. The drawer depends on
 * this shape only: the route provides the realtime implementation through `CaseLiveContext`,
 * and without a provider (component tests) the drawer works as if nobody else were online.
 */
export interface CaseLive {
  /** Colleagues who have the case open, without the signed-in user. */
  viewers: readonly PresenceViewer[];
  /** Who is editing which field (`title`, `investigation.findings`…), without the signed-in user. */
  editors: readonly PresenceEditor[];
  /** Announces that the signed-in user is editing `field`, until `idle`. */
  editing(field: string): void;
  idle(field: string): void;
  /** The sequence number of the newest live event of this case; the drawer refetches when it moves. */
  latestSeq: number;
}

export type UseCaseLive = (caseId: string) => CaseLive;

const WITHOUT_CONNECTION: CaseLive = { viewers: [], editors: [], editing: () => {}, idle: () => {}, latestSeq: 0 };

export const CaseLiveContext = createContext<UseCaseLive>(() => WITHOUT_CONNECTION);

export function useCaseLive(caseId: string): CaseLive {
  return useContext(CaseLiveContext)(caseId);
}

/** Focus announces editing and blur announces idle, for every field of the drawer. */
export function useFieldPresence(live: CaseLive) {
  const { editing, idle } = live;
  const focused = useRef<string | null>(null);

  // A drawer closed while a field has focus leaves no "editing" behind.
  useEffect(() => () => void (focused.current && idle(focused.current)), [idle]);

  return {
    onFocus: useCallback(
      (field: string) => {
        focused.current = field;
        editing(field);
      },
      [editing],
    ),
    onBlur: useCallback(
      (field: string) => {
        focused.current = null;
        idle(field);
      },
      [idle],
    ),
  };
}
