import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { boardFiltersFromQuery, boardFiltersToQuery, type BoardFilters as Filters, type CaseCard, type Locale, type UserSummary } from '@app/shared';
import { useCurrentUser } from '../auth/use-session.js';
import { fetchUsers } from './board-api.js';
import { BoardFilters } from './BoardFilters.js';
import { BoardView, type Notice } from './BoardView.js';
import { SavedViews } from './SavedViews.js';
import { useBoard } from './use-board.js';
import { useBoardLive } from './use-board-live.js';
import './board.css';

/** SLA countdowns and ages move on by the minute; half a minute keeps them honest without redrawing for nothing. */
const CLOCK_TICK_MS = 30_000;

/** Named in the Performance timeline once the first cards are drawn: the benchmark's "board rendered". */
const BOARD_RENDERED_MARK = 'board:cards-rendered';

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The query string of the board's filters. On `/` it is the URL's; the dialogs laid over the
 * board (`/cases/:number`, `/intake`) have URLs of their own, so the board keeps the filters it
 * had, and puts them back in the URL when a dialog closes onto a bare `/`.
 */
function useBoardSearch(): string {
  const location = useLocation();
  const navigate = useNavigate();
  const onBoard = location.pathname === '/';
  const kept = useRef(location.search);
  const wasOnDialog = useRef(!onBoard);
  const restoring = onBoard && wasOnDialog.current && location.search === '' && kept.current !== '';
  if (!restoring && (onBoard || location.search !== '')) kept.current = location.search;

  useEffect(() => {
    if (restoring) navigate({ pathname: '/', search: kept.current }, { replace: true });
    wasOnDialog.current = !onBoard;
  });

  return kept.current;
}

/**
 * The board, with its filters in the URL so a link, a reload and the back button all show the
 * same board. It stays mounted under the case drawer and the intake dialog.
 */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const user = useCurrentUser();
  const navigate = useNavigate();
  const boardSearch = useBoardSearch();
  const parsed = useMemo(() => boardFiltersFromQuery(new URLSearchParams(boardSearch)), [boardSearch]);
  const filters: Filters = useMemo(() => (parsed.success ? parsed.data : {}), [parsed]);
  const filtersKey = useMemo(() => new URLSearchParams(boardFiltersToQuery(filters)).toString(), [filters]);
  const board = useBoard(filters, filtersKey, locale);
  const live = useBoardLive(board);
  const now = useNow();
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const marked = useRef(false);

  useEffect(() => {
    fetchUsers().then(setUsers, () => undefined);
  }, []);

  useEffect(() => {
    if (!marked.current && board.state.status === 'ready') {
      marked.current = true;
      performance.mark(BOARD_RENDERED_MARK);
    }
  }, [board.state.status]);

  const setFilters = useCallback(
    (next: Filters, options?: { replace?: boolean }) => {
      const search = new URLSearchParams(boardFiltersToQuery(next)).toString();
      navigate({ pathname: '/', search: search ? `?${search}` : '' }, options);
    },
    [navigate],
  );

  const openCase = useCallback((card: CaseCard) => navigate({ pathname: `/cases/${card.number}`, search: boardSearch }), [navigate, boardSearch]);

  return (
    <div className="board-page">
      <div className="board-toolbar">
        <BoardFilters filters={filters} users={users} onChange={setFilters} />
        <SavedViews filters={filters} onApply={(next) => setFilters(next)} onStatus={(text, kind) => setNotice({ text, kind })} />
      </div>
      {!parsed.success && <p className="board-notice">{t('board.filters.invalidLink')}</p>}
      <p role="status" className="board-notice board-notice--live">
        {live.connection === 'reconnecting' || live.connection === 'offline' ? t('board.live.reconnecting') : live.resynced ? t('board.live.resynced') : ''}
      </p>
      <div className="board-messages">
        <p role="alert" className="board-notice board-notice--error">
          {notice?.kind === 'error' ? notice.text : ''}
        </p>
        <p role="status" className="board-notice">
          {notice?.kind === 'info' ? notice.text : ''}
        </p>
      </div>
      {board.loadError ? (
        <p role="alert" className="board-notice board-notice--error">
          {t('app.loadFailed', { message: board.loadError.message })}{' '}
          <button type="button" className="button" onClick={board.reload}>
            {t('app.retry')}
          </button>
        </p>
      ) : board.state.status === 'loading' && board.state.lanes.length === 0 ? (
        <p role="status">{t('board.loading')}</p>
      ) : (
        <div className="board-area" aria-busy={board.state.status === 'loading'}>
          <BoardView board={board} user={user} now={now} viewersOf={live.viewersOf} onOpen={openCase} onNotice={setNotice} />
        </div>
      )}
    </div>
  );
}
