import {
  CASE_COLUMNS,
  DEFAULT_SLA_POLICY,
  LANE_ALL,
  LANE_UNASSIGNED,
  slaStatus,
  type BoardPage,
  type BoardSnapshot,
  type CaseCard,
  type CaseColumn,
  type LiveCaseEvent,
  type SlaPolicy,
  type Swimlane,
} from '@app/shared';

export interface Cell {
  /** Loaded cards, most urgent first. */
  ids: string[];
  /** All matching cards of the cell, loaded or not. */
  total: number;
  nextCursor: string | null;
  loading: boolean;
  /** The last page request failed: no more automatic requests until the user retries. */
  failed: boolean;
}

export interface Lane {
  key: string;
  label: string | null;
  cells: Record<CaseColumn, Cell>;
}

interface Place {
  lane: string;
  column: CaseColumn;
  index: number;
}

/** A move shown before the server has answered, with where the card came from to undo it. */
interface PendingMove {
  from: Place;
  /** The card as it was before the move. */
  card: CaseCard;
}

export interface BoardState {
  status: 'loading' | 'ready';
  swimlane: Swimlane;
  lanes: Lane[];
  cards: Record<string, CaseCard>;
  /** The last timeline event the board reflects; live events at or below it are old news. */
  seq: number;
  policy: SlaPolicy;
  pending: Record<string, PendingMove>;
  /** Request ids of this screen's own moves: their live echo is already on the board. */
  ownRequests: string[];
  /** Cards another screen just changed, shown briefly so the eye finds them. */
  highlighted: Record<string, true>;
}

export type BoardAction =
  | { type: 'loading' }
  | { type: 'snapshotLoaded'; snapshot: BoardSnapshot }
  | { type: 'policyLoaded'; policy: SlaPolicy }
  | { type: 'pageRequested'; lane: string; column: CaseColumn }
  | { type: 'pageLoaded'; lane: string; column: CaseColumn; page: BoardPage }
  | { type: 'pageFailed'; lane: string; column: CaseColumn }
  | { type: 'moveStarted'; requestId: string; caseId: string; to: CaseColumn; now: number }
  | { type: 'moveConfirmed'; requestId: string; version: number }
  | { type: 'moveRolledBack'; requestId: string }
  | { type: 'liveEvent'; event: LiveCaseEvent; now: number }
  /** The card as the server has it now (null: off this board). `highlight` when someone else changed it. */
  | { type: 'cardArrived'; caseId: string; card: CaseCard | null; movedFrom?: CaseColumn; highlight: boolean; now: number }
  | { type: 'highlightEnded'; caseId: string };

/** How many own request ids to remember: far more than a person has moves in flight. */
const OWN_REQUESTS_KEPT = 100;

export const initialBoardState: BoardState = {
  status: 'loading',
  swimlane: 'none',
  lanes: [],
  cards: {},
  seq: 0,
  policy: DEFAULT_SLA_POLICY,
  pending: {},
  ownRequests: [],
  highlighted: {},
};

function emptyCells(): Record<CaseColumn, Cell> {
  const cell = (): Cell => ({ ids: [], total: 0, nextCursor: null, loading: false, failed: false });
  return Object.fromEntries(CASE_COLUMNS.map((column) => [column, cell()])) as Record<CaseColumn, Cell>;
}

export function laneKeyOf(card: CaseCard, swimlane: Swimlane): string {
  if (swimlane === 'severity') return card.severity;
  if (swimlane === 'department') return card.owningDepartment;
  if (swimlane === 'owner') return card.ownerId ?? LANE_UNASSIGNED;
  return LANE_ALL;
}

/** The server's urgency order (breached first, then least time left; resolved most recent first), for cards that arrive later. */
function urgency(card: CaseCard, policy: SlaPolicy, now: number): [number, number] {
  const status = slaStatus(card, policy, now);
  if (status.activeDueAt === null) return [2, -Date.parse(card.resolvedAt ?? card.updatedAt)];
  return [status.state === 'breached' ? 0 : 1, status.activeDueAt.getTime()];
}

export function compareUrgency(a: CaseCard, b: CaseCard, policy: SlaPolicy, now: number): number {
  const [rankA, keyA] = urgency(a, policy, now);
  const [rankB, keyB] = urgency(b, policy, now);
  return rankA - rankB || keyA - keyB || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function locate(state: BoardState, caseId: string): Place | null {
  for (const lane of state.lanes) {
    for (const column of CASE_COLUMNS) {
      const index = lane.cells[column].ids.indexOf(caseId);
      if (index >= 0) return { lane: lane.key, column, index };
    }
  }
  return null;
}

/** Immutable update of one cell, creating its lane when a card opens a new one (a new owner, say). */
function withCell(state: BoardState, laneKey: string, column: CaseColumn, change: (cell: Cell) => Cell, label: string | null = null): BoardState {
  const exists = state.lanes.some((lane) => lane.key === laneKey);
  const lanes = exists ? state.lanes : [...state.lanes, { key: laneKey, label, cells: emptyCells() }];
  return {
    ...state,
    lanes: lanes.map((lane) => (lane.key === laneKey ? { ...lane, cells: { ...lane.cells, [column]: change(lane.cells[column]) } } : lane)),
  };
}

function removeAt(state: BoardState, place: Place): BoardState {
  return withCell(state, place.lane, place.column, (cell) => ({
    ...cell,
    ids: cell.ids.filter((_, index) => index !== place.index),
    total: Math.max(0, cell.total - 1),
  }));
}

/**
 * Puts a card where the server would rank it. A card that ranks after the last loaded one of a
 * cell with more pages is only counted: it comes with the page it belongs to. The card the user
 * just dropped is `keptInView` though, at the end if need be, or it would seem to vanish.
 */
function insertRanked(state: BoardState, card: CaseCard, now: number, keptInView = false): BoardState {
  const laneKey = laneKeyOf(card, state.swimlane);
  const label = state.swimlane === 'owner' ? card.ownerName : null;
  return withCell(
    state,
    laneKey,
    card.column,
    (cell) => {
      const index = cell.ids.findIndex((id) => {
        const other = state.cards[id];
        return other !== undefined && compareUrgency(card, other, state.policy, now) < 0;
      });
      if (index < 0 && cell.nextCursor !== null && !keptInView) return { ...cell, total: cell.total + 1 };
      const at = index < 0 ? cell.ids.length : index;
      return { ...cell, ids: [...cell.ids.slice(0, at), card.id, ...cell.ids.slice(at)], total: cell.total + 1 };
    },
    label,
  );
}

function insertAt(state: BoardState, caseId: string, place: Place): BoardState {
  return withCell(state, place.lane, place.column, (cell) => ({
    ...cell,
    ids: [...cell.ids.slice(0, place.index), caseId, ...cell.ids.slice(place.index)],
    total: cell.total + 1,
  }));
}

function withCard(state: BoardState, card: CaseCard): BoardState {
  return { ...state, cards: { ...state.cards, [card.id]: card } };
}

function rememberRequest(state: BoardState, requestId: string): BoardState {
  return { ...state, ownRequests: [...state.ownRequests, requestId].slice(-OWN_REQUESTS_KEPT) };
}

function highlight(state: BoardState, caseId: string): BoardState {
  return { ...state, highlighted: { ...state.highlighted, [caseId]: true } };
}

/**
 * The SLA milestones a move sets, as the server records them: leaving intake is the first
 * response, reaching follow-up or closed the resolution, and a reopen makes the case open again.
 * Until the server's card arrives, the countdown and the rank follow from these.
 */
function withMilestones(card: CaseCard, to: CaseColumn, now: number): CaseCard {
  const at = new Date(now).toISOString();
  const resolved = to === 'follow_up' || to === 'closed';
  const reopened = card.column === 'follow_up' && !resolved;
  return {
    ...card,
    column: to,
    firstRespondedAt: card.firstRespondedAt ?? at,
    resolvedAt: resolved ? (card.resolvedAt ?? at) : reopened ? null : card.resolvedAt,
  };
}

/** A card changes column: out of its cell, into the same lane's target cell at its rank. */
function moveCard(state: BoardState, caseId: string, to: CaseColumn, changes: Partial<CaseCard>, now: number, keptInView = false): BoardState {
  const place = locate(state, caseId);
  const card = state.cards[caseId];
  if (!place || !card) return state;
  const moved = withMilestones({ ...card, ...changes }, to, now);
  return insertRanked(withCard(removeAt(state, place), moved), moved, now, keptInView);
}

function fromSnapshot(state: BoardState, snapshot: BoardSnapshot): BoardState {
  const cards: Record<string, CaseCard> = {};
  const lanes = snapshot.lanes.map((lane) => {
    const cells = emptyCells();
    for (const column of CASE_COLUMNS) {
      const slice = lane.columns[column];
      for (const card of slice.cards) cards[card.id] = card;
      cells[column] = { ids: slice.cards.map((card) => card.id), total: slice.total, nextCursor: slice.nextCursor, loading: false, failed: false };
    }
    return { key: lane.key, label: lane.label, cells };
  });
  return { ...state, status: 'ready', swimlane: snapshot.swimlane, lanes, cards, seq: snapshot.seq, pending: {}, highlighted: {} };
}

/**
 * The board's one store. The user's own moves and everything that arrives live go through it,
 * so an optimistic move, its rollback and another screen's move can never disagree.
 */
export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  switch (action.type) {
    case 'loading':
      return { ...state, status: 'loading' };
    case 'snapshotLoaded':
      return fromSnapshot(state, action.snapshot);
    case 'policyLoaded':
      return { ...state, policy: action.policy };
    case 'pageRequested':
      return withCell(state, action.lane, action.column, (cell) => ({ ...cell, loading: true, failed: false }));
    case 'pageFailed':
      return withCell(state, action.lane, action.column, (cell) => ({ ...cell, loading: false, failed: true }));
    case 'pageLoaded': {
      // A card can already be here: moved in live, or moved by this user, while the page was on its way.
      const fresh = action.page.cards.filter((card) => !locate(state, card.id));
      const cards = { ...state.cards };
      for (const card of fresh) cards[card.id] = card;
      return withCell({ ...state, cards }, action.lane, action.column, (cell) => ({
        ...cell,
        ids: [...cell.ids, ...fresh.map((card) => card.id)],
        nextCursor: action.page.nextCursor,
        loading: false,
      }));
    }
    case 'moveStarted': {
      const from = locate(state, action.caseId);
      const card = state.cards[action.caseId];
      if (!from || !card) return state;
      const moved = moveCard(state, action.caseId, action.to, {}, action.now, true);
      const pending = { ...moved.pending, [action.requestId]: { from, card } };
      return rememberRequest({ ...moved, pending }, action.requestId);
    }
    case 'moveConfirmed': {
      const move = state.pending[action.requestId];
      if (!move) return state;
      const { [action.requestId]: _done, ...pending } = state.pending;
      const card = state.cards[move.card.id];
      return { ...(card ? withCard(state, { ...card, version: Math.max(card.version, action.version) }) : state), pending };
    }
    case 'moveRolledBack': {
      const move = state.pending[action.requestId];
      if (!move) return state;
      const { [action.requestId]: _undone, ...pending } = state.pending;
      const place = locate(state, move.card.id);
      if (!place) return { ...state, pending };
      const back = withCard(removeAt(state, place), move.card);
      return { ...insertAt(back, move.card.id, move.from), pending };
    }
    case 'liveEvent': {
      const { event } = action;
      if (event.seq <= state.seq) return state;
      const seen = { ...state, seq: event.seq };
      if (event.requestId !== null && state.ownRequests.includes(event.requestId)) return seen;
      if (event.type !== 'case.moved') return seen;
      const to = event.data.to as CaseColumn;
      const version = Number(event.data.version);
      const card = state.cards[event.caseId];
      if (!card || card.column === to) return seen;
      return highlight(moveCard(seen, event.caseId, to, Number.isFinite(version) ? { version } : {}, action.now), event.caseId);
    }
    case 'cardArrived': {
      // The server's copy may predate this user's move still in flight; the move's answer settles it.
      if (Object.values(state.pending).some((move) => move.card.id === action.caseId)) return state;
      const place = locate(state, action.caseId);
      let next = state;
      if (place) {
        next = removeAt(next, place);
      } else if (action.card && action.movedFrom) {
        // Moved from a part of its old column that was not loaded: that column had it in its total.
        const laneKey = laneKeyOf(action.card, state.swimlane);
        next = withCell(next, laneKey, action.movedFrom, (cell) => ({ ...cell, total: Math.max(0, cell.total - 1) }));
      }
      if (!action.card) return next;
      const arrived = insertRanked(withCard(next, action.card), action.card, action.now, place !== null && !action.highlight);
      return action.highlight ? highlight(arrived, action.caseId) : arrived;
    }
    case 'highlightEnded': {
      const { [action.caseId]: _ended, ...highlighted } = state.highlighted;
      return { ...state, highlighted };
    }
  }
}
