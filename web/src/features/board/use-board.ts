import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ApprovalPolicy, BoardFilters, CaseColumn, CaseDetail, LiveCaseEvent, Locale } from '@app/shared';
import { ApiError } from '../../app/api-client.js';
import {
  fetchApprovalPolicy,
  fetchBoard,
  fetchBoardCard,
  fetchCaseDetail,
  fetchColumnPage,
  fetchSlaPolicy,
  newRequestId,
  postMove,
} from './board-api.js';
import { boardReducer, initialBoardState, type BoardState } from './board-state.js';

/** How long a card another screen changed stays highlighted. */
const HIGHLIGHT_MS = 2_500;

export type LoadError = { message: string } | null;

export interface MoveOutcome {
  ok: boolean;
  /** The server's reason, in the UI's language, when the move was refused or failed. */
  message?: string;
}

export interface Board {
  state: BoardState;
  loadError: LoadError;
  approvalPolicy: ApprovalPolicy | null;
  reload(): void;
  loadMore(lane: string, column: CaseColumn): void;
  /** The case's workflow facts, loaded once per version; `null` until they arrive. */
  detailOf(caseId: string): CaseDetail | null;
  requestDetail(caseId: string): void;
  move(caseId: string, to: CaseColumn, reason?: string): Promise<MoveOutcome>;
  applyLiveEvent(event: LiveCaseEvent): void;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.body?.message ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The board's data: the snapshot for the filters, further pages, the user's moves (optimistic,
 * rolled back with the server's reason) and live events, all through one reducer.
 */
export function useBoard(filters: BoardFilters, filtersKey: string, locale: Locale): Board {
  const [state, dispatch] = useReducer(boardReducer, initialBoardState);
  const [loadError, setLoadError] = useState<LoadError>(null);
  const [approvalPolicy, setApprovalPolicy] = useState<ApprovalPolicy | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [details, setDetails] = useState<ReadonlyMap<string, CaseDetail>>(new Map());
  const stateRef = useRef(state);
  stateRef.current = state;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const requestedDetails = useRef(new Set<string>());
  /** Live events that arrive while a snapshot loads; those newer than the snapshot are applied to it. */
  const heldEvents = useRef<LiveCaseEvent[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    dispatch({ type: 'loading' });
    setLoadError(null);
    fetchBoard(filters, controller.signal).then(
      (snapshot) => dispatch({ type: 'snapshotLoaded', snapshot }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError({ message: messageOf(error) });
      },
    );
    return () => controller.abort();
    // The key stands for the filters: a new object with the same filters must not refetch.
  }, [filtersKey, attempt]);

  useEffect(() => {
    fetchSlaPolicy().then((policy) => dispatch({ type: 'policyLoaded', policy }), () => undefined);
    fetchApprovalPolicy().then(setApprovalPolicy, () => undefined);
  }, []);

  const storeDetail = useCallback((detail: CaseDetail) => {
    setDetails((current) => new Map(current).set(detail.id, detail));
  }, []);

  const forgetDetail = useCallback((caseId: string) => {
    requestedDetails.current.delete(caseId);
    setDetails((current) => {
      if (!current.has(caseId)) return current;
      const next = new Map(current);
      next.delete(caseId);
      return next;
    });
  }, []);

  const refreshCard = useCallback((caseId: string, options: { highlight: boolean; movedFrom?: CaseColumn }) => {
    fetchBoardCard(caseId, filtersRef.current).then(
      ({ card }) => {
        dispatch({ type: 'cardArrived', caseId, card, movedFrom: options.movedFrom, highlight: options.highlight, now: Date.now() });
        if (options.highlight) setTimeout(() => dispatch({ type: 'highlightEnded', caseId }), HIGHLIGHT_MS);
      },
      // A card that cannot be fetched now is fetched again with the next event or reload.
      () => undefined,
    );
  }, []);

  const loadMore = useCallback((lane: string, column: CaseColumn) => {
    const current = stateRef.current;
    const cell = current.lanes.find((candidate) => candidate.key === lane)?.cells[column];
    if (!cell || cell.loading || cell.nextCursor === null) return;
    dispatch({ type: 'pageRequested', lane, column });
    const laneParam = current.swimlane === 'none' ? undefined : lane;
    fetchColumnPage(column, filtersRef.current, cell.nextCursor, laneParam).then(
      (page) => dispatch({ type: 'pageLoaded', lane, column, page }),
      () => dispatch({ type: 'pageFailed', lane, column }),
    );
  }, []);

  const requestDetail = useCallback(
    (caseId: string) => {
      const card = stateRef.current.cards[caseId];
      const cached = details.get(caseId);
      if (!card || (cached && cached.version >= card.version) || requestedDetails.current.has(caseId)) return;
      requestedDetails.current.add(caseId);
      fetchCaseDetail(caseId).then(
        (detail) => {
          requestedDetails.current.delete(caseId);
          storeDetail(detail);
        },
        () => requestedDetails.current.delete(caseId),
      );
    },
    [details, storeDetail],
  );

  const detailOf = useCallback((caseId: string) => details.get(caseId) ?? null, [details]);

  const move = useCallback(
    async (caseId: string, to: CaseColumn, reason?: string): Promise<MoveOutcome> => {
      const card = stateRef.current.cards[caseId];
      if (!card) return { ok: false };
      const requestId = newRequestId();
      dispatch({ type: 'moveStarted', requestId, caseId, to, now: Date.now() });
      try {
        const detail = await postMove(caseId, { to, version: card.version, ...(reason ? { reason } : {}) }, requestId, locale);
        dispatch({ type: 'moveConfirmed', requestId, version: detail.version });
        storeDetail(detail);
        // The server stamps what the move changed (first response, resolution): the card picks that up.
        refreshCard(caseId, { highlight: false });
        return { ok: true };
      } catch (error) {
        dispatch({ type: 'moveRolledBack', requestId });
        const current = error instanceof ApiError && error.status === 409 ? (error.body?.details as { current?: CaseDetail })?.current : undefined;
        if (current) storeDetail(current);
        else forgetDetail(caseId);
        refreshCard(caseId, { highlight: false });
        return { ok: false, message: messageOf(error) };
      }
    },
    [locale, refreshCard, storeDetail, forgetDetail],
  );

  const applyLiveEvent = useCallback(
    (event: LiveCaseEvent) => {
      const current = stateRef.current;
      if (current.status === 'loading') {
        heldEvents.current.push(event);
        return;
      }
      if (event.seq <= current.seq) return;
      dispatch({ type: 'liveEvent', event, now: Date.now() });
      if (event.requestId !== null && current.ownRequests.includes(event.requestId)) return;
      setTimeout(() => dispatch({ type: 'highlightEnded', caseId: event.caseId }), HIGHLIGHT_MS);
      forgetDetail(event.caseId);
      const movedFrom = event.type === 'case.moved' ? (event.data.from as CaseColumn) : undefined;
      refreshCard(event.caseId, { highlight: true, movedFrom });
    },
    [forgetDetail, refreshCard],
  );

  useEffect(() => {
    if (state.status !== 'ready') return;
    const held = heldEvents.current;
    heldEvents.current = [];
    for (const event of held) applyLiveEvent(event);
  }, [state.status, applyLiveEvent]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, loadError, approvalPolicy, reload, loadMore, detailOf, requestDetail, move, applyLiveEvent };
}
