import { createContext, useCallback, useContext, useEffect, useRef } from 'react';
import type { PresenceEditor, PresenceViewer } from '@app/shared';

/**
 * What the drawer needs from the realtime connection for one open case. The drawer depends on
 * this shape only; the realtime client provides it through `CaseLiveContext` (see
 * `CaseLiveContext.Provider` in the app), so the drawer works unchanged without a connection.
 */
export interface CaseLive {
  /** Colleagues who have the case open, without the signed-in user. */
  viewers: readonly PresenceViewer[];
  /** Who is editing which field (`title`, `investigation.findings`…), without the signed-in user. */
  editors: readonly PresenceEditor[];
  /** Announces that the signed-in user is editing `field`; renewed while typing, since editing expires. */
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

/** Editing expires on the server unless renewed; typing renews it at most this often. */
const RENEW_EDITING_MS = 5_000;

/** Focus and typing announce editing, blur announces idle; one handler set for every field of the drawer. */
export function useFieldPresence(live: CaseLive) {
  const lastAnnounced = useRef<{ field: string; at: number } | null>(null);
  const { editing, idle } = live;

  useEffect(() => {
    return () => {
      if (lastAnnounced.current) idle(lastAnnounced.current.field);
    };
  }, [idle]);

  const announce = useCallback(
    (field: string) => {
      lastAnnounced.current = { field, at: performance.now() };
      editing(field);
    },
    [editing],
  );

  return {
    onFocus: announce,
    onInput: useCallback(
      (field: string) => {
        const last = lastAnnounced.current;
        if (!last || last.field !== field || performance.now() - last.at >= RENEW_EDITING_MS) announce(field);
      },
      [announce],
    ),
    onBlur: useCallback(
      (field: string) => {
        lastAnnounced.current = null;
        idle(field);
      },
      [idle],
    ),
  };
}
