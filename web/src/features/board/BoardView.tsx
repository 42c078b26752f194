import { useCallback, useMemo, useRef, useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { CASE_COLUMNS, MOVES, type CaseCard, type CaseColumn, type Locale, type UserSummary } from '@app/shared';
import { BoardCell, cellId, type DropData } from './BoardCell.js';
import type { Lane } from './board-state.js';
import { CaseCardContent, type CardDragData } from './CaseCardView.js';
import { columnVerdicts, type ColumnVerdict, type ColumnVerdicts } from './move-rules.js';
import { ReasonDialog } from './ReasonDialog.js';
import type { Board } from './use-board.js';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

interface BoardViewProps {
  board: Board;
  user: UserSummary;
  now: number;
  viewersOf(caseId: string): readonly string[];
  onOpen(card: CaseCard): void;
  /** null clears the last one: a new drag starts afresh. */
  onNotice(notice: Notice | null): void;
}

interface ActiveDrag {
  card: CaseCard;
  lane: string;
  byKeyboard: boolean;
}

interface ReasonRequest {
  card: CaseCard;
  to: CaseColumn;
  kind: 'rejection' | 'reopen';
}

const columnOf = (id: UniqueIdentifier | null | undefined): CaseColumn | null => {
  const column = typeof id === 'string' ? id.split('::')[1] : undefined;
  return (CASE_COLUMNS as readonly string[]).includes(column ?? '') ? (column as CaseColumn) : null;
};

/**
 * The kanban itself: lanes of columns of cards, and every way of moving a card between columns
 * (mouse, touch, keyboard). While a card is dragged, each column says whether it may go there
 * and, if not, why, by the same workflow rules the server applies.
 */
export function BoardView({ board, user, now, viewersOf, onOpen, onNotice }: BoardViewProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { state, approvalPolicy, detailOf, requestDetail, move, loadMore } = board;
  const [active, setActive] = useState<ActiveDrag | null>(null);
  const [reasonRequest, setReasonRequest] = useState<ReasonRequest | null>(null);
  const [focusRequest, setFocusRequest] = useState<string | null>(null);
  // Where a keyboard drag points: arrows step through the lane's columns in flow order, whatever their geometry.
  const keyboardTarget = useRef<string | null>(null);
  const activeRef = useRef<ActiveDrag | null>(null);
  const justPickedUp = useRef(false);

  const verdicts: ColumnVerdicts | null = useMemo(
    () => (active ? columnVerdicts(active.card, detailOf(active.card.id), user, approvalPolicy, t, locale) : null),
    [active, detailOf, user, approvalPolicy, t, locale],
  );
  const verdictsRef = useRef(verdicts);
  verdictsRef.current = verdicts;

  const coordinateGetter: KeyboardCoordinateGetter = useCallback((event, { context }) => {
    if (event.code === 'ArrowUp' || event.code === 'ArrowDown') {
      event.preventDefault();
      return undefined;
    }
    const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
    const drag = activeRef.current;
    if (step === 0 || !drag) return undefined;
    event.preventDefault();
    const from = columnOf(keyboardTarget.current) ?? drag.card.column;
    const index = Math.min(CASE_COLUMNS.length - 1, Math.max(0, CASE_COLUMNS.indexOf(from) + step));
    const target = cellId(drag.lane, CASE_COLUMNS[index]);
    keyboardTarget.current = target;
    const rect = context.droppableRects.get(target);
    const dragged = context.collisionRect;
    if (!rect || !dragged) return undefined;
    return { x: rect.left + (rect.width - dragged.width) / 2, y: dragged.top };
  }, []);

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // A short press-and-hold picks a card up, so a swipe still scrolls the column.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    // Enter opens a card instead of picking it up.
    useSensor(KeyboardSensor, { coordinateGetter, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );

  const collisionDetection: CollisionDetection = useCallback((args) => {
    if (keyboardTarget.current) return [{ id: keyboardTarget.current }];
    const underPointer = pointerWithin(args);
    return underPointer.length > 0 ? underPointer : rectIntersection(args);
  }, []);

  const describe = useCallback(
    (verdict: ColumnVerdict | undefined) => {
      if (!verdict) return '';
      if (verdict.kind === 'current') return t('board.dnd.current');
      if (verdict.kind === 'allowed') return verdict.needsReason ? t('board.dnd.allowedWithReason') : t('board.dnd.allowed');
      if (verdict.kind === 'checking') return t('board.dnd.checking');
      return t('board.dnd.refused', { reason: verdict.reason });
    },
    [t],
  );

  const announcements: Announcements = useMemo(() => {
    const numberOf = (id: UniqueIdentifier) => state.cards[String(id)]?.number ?? String(id);
    const name = (column: CaseColumn | null) => (column ? t(`column.${column}`) : '');
    return {
      onDragStart: ({ active: drag }) =>
        t('board.dnd.pickedUp', { number: numberOf(drag.id), column: name((drag.data.current as CardDragData).column) }),
      onDragOver: ({ active: drag, over }) => {
        const column = columnOf(over?.id);
        // The first "over" is the card's own column, at pick-up: keep the pick-up instructions instead.
        if (justPickedUp.current) {
          justPickedUp.current = false;
          if (column === (drag.data.current as CardDragData).column) return undefined;
        }
        if (!column) return t('board.dnd.notOver', { number: numberOf(drag.id) });
        return t('board.dnd.over', { number: numberOf(drag.id), column: name(column), verdict: describe(verdictsRef.current?.[column]) });
      },
      onDragEnd: ({ active: drag, over }) => {
        const from = (drag.data.current as CardDragData).column;
        const column = columnOf(over?.id);
        const verdict = column ? verdictsRef.current?.[column] : undefined;
        if (!column || !verdict || verdict.kind === 'current') return t('board.dnd.stayed', { number: numberOf(drag.id), column: name(from) });
        if (verdict.kind === 'refused') return t('board.dnd.refusedDrop', { number: numberOf(drag.id), column: name(column), reason: verdict.reason });
        return t('board.dnd.dropped', { number: numberOf(drag.id), column: name(column) });
      },
      onDragCancel: ({ active: drag }) =>
        t('board.dnd.cancelled', { number: numberOf(drag.id), column: name((drag.data.current as CardDragData).column) }),
    };
  }, [state.cards, t, describe]);

  const endDrag = () => {
    keyboardTarget.current = null;
    activeRef.current = null;
    setActive(null);
  };

  const onDragStart = ({ active: drag, activatorEvent }: DragStartEvent) => {
    const card = state.cards[String(drag.id)];
    if (!card) return;
    const { lane } = drag.data.current as CardDragData;
    const byKeyboard = activatorEvent instanceof KeyboardEvent;
    keyboardTarget.current = byKeyboard ? cellId(lane, card.column) : null;
    const next = { card, lane, byKeyboard };
    activeRef.current = next;
    justPickedUp.current = true;
    setActive(next);
    requestDetail(card.id);
    onNotice(null);
  };

  const runMove = async (card: CaseCard, to: CaseColumn, byKeyboard: boolean, reason?: string) => {
    if (byKeyboard) setFocusRequest(card.id);
    const outcome = await move(card.id, to, reason);
    if (!outcome.ok) {
      onNotice({ kind: 'error', text: t('board.move.failed', { number: card.number, message: outcome.message ?? '' }) });
      if (byKeyboard) setFocusRequest(card.id);
    }
  };

  const onDragEnd = ({ over }: DragEndEvent) => {
    const drag = activeRef.current;
    const currentVerdicts = verdictsRef.current;
    endDrag();
    const target = over?.data.current as DropData | undefined;
    if (!drag || !target || !currentVerdicts || target.lane !== drag.lane) return;
    const verdict = currentVerdicts[target.column];
    if (verdict.kind === 'current') return;
    if (verdict.kind === 'refused') {
      onNotice({ kind: 'error', text: t('board.dnd.refusedDrop', { number: drag.card.number, column: t(`column.${target.column}`), reason: verdict.reason }) });
      if (drag.byKeyboard) setFocusRequest(drag.card.id);
      return;
    }
    // Sending a case back needs a reason, asked for before anything moves; while the facts are
    // still `checking`, the server judges the rest.
    const definition = MOVES.find((candidate) => candidate.from === drag.card.column && candidate.to === target.column);
    if (definition?.needsReason) {
      setReasonRequest({ card: drag.card, to: target.column, kind: definition.kind === 'reopen' ? 'reopen' : 'rejection' });
      return;
    }
    void runMove(drag.card, target.column, drag.byKeyboard);
  };

  const onFocused = useCallback(() => setFocusRequest(null), []);

  const laneLabel = (lane: Lane) => {
    if (state.swimlane === 'severity') return t(`severity.${lane.key as CaseCard['severity']}`);
    if (state.swimlane === 'department') return t(`department.${lane.key as CaseCard['owningDepartment']}`);
    if (state.swimlane === 'owner') return lane.label ?? t('board.laneUnassigned');
    return '';
  };

  const withLanes = state.swimlane !== 'none';
  const renderCell = (lane: Lane, column: CaseColumn) => {
    const cell = lane.cells[column];
    const columnName = t(`column.${column}`);
    const label = withLanes
      ? t('board.cellLabel', { lane: laneLabel(lane), column: columnName, count: cell.total })
      : t('board.columnLabel', { column: columnName, count: cell.total });
    const inActiveLane = active !== null && active.lane === lane.key;
    return (
      <BoardCell
        key={column}
        lane={lane.key}
        column={column}
        cell={cell}
        cards={state.cards}
        label={label}
        heading={
          <>
            <span className={withLanes ? 'visually-hidden' : undefined}>{columnName}</span>
            <span className="board-column__count">{cell.total}</span>
          </>
        }
        headingLevel={withLanes ? 3 : 2}
        policy={state.policy}
        now={now}
        highlighted={state.highlighted}
        viewersOf={viewersOf}
        verdict={inActiveLane && verdicts ? verdicts[column] : null}
        closed={active !== null && !inActiveLane}
        focusRequest={focusRequest}
        onFocused={onFocused}
        onOpen={onOpen}
        onLoadMore={loadMore}
      />
    );
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      // Focus is placed by the board itself: on the moved card, or in the reason dialog, which
      // dnd-kit's own restoring would otherwise pull focus out of.
      accessibility={{ announcements, restoreFocus: false, screenReaderInstructions: { draggable: t('board.dnd.instructions') } }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={endDrag}
    >
      {withLanes ? (
        <div className="board board--lanes">
          <div className="board__column-heads" aria-hidden="true">
            {CASE_COLUMNS.map((column) => (
              <span key={column}>{t(`column.${column}`)}</span>
            ))}
          </div>
          {state.lanes.map((lane) => (
            <section key={lane.key} className="board-lane" aria-labelledby={`lane-${lane.key}`}>
              <h2 id={`lane-${lane.key}`} className="board-lane__title">
                {laneLabel(lane)}
              </h2>
              <div className="board-lane__cells">{CASE_COLUMNS.map((column) => renderCell(lane, column))}</div>
            </section>
          ))}
        </div>
      ) : (
        <div className="board">{state.lanes[0] && CASE_COLUMNS.map((column) => renderCell(state.lanes[0], column))}</div>
      )}
      <DragOverlay dropAnimation={null}>
        {active && (
          <div className={`case-card case-card--overlay severity-${active.card.severity}`}>
            <CaseCardContent card={active.card} policy={state.policy} now={now} viewers={[]} />
          </div>
        )}
      </DragOverlay>
      {reasonRequest && (
        <ReasonDialog
          card={reasonRequest.card}
          to={reasonRequest.to}
          kind={reasonRequest.kind}
          onCancel={() => setReasonRequest(null)}
          onSubmit={(reason) => {
            const request = reasonRequest;
            setReasonRequest(null);
            void runMove(request.card, request.to, true, reason);
          }}
        />
      )}
    </DndContext>
  );
}
