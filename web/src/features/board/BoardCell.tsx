import { useEffect, useRef, type ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { CaseCard, CaseColumn, SlaPolicy } from '@app/shared';
import type { Cell } from './board-state.js';
import { CaseCardView } from './CaseCardView.js';
import type { ColumnVerdict } from './move-rules.js';

/** A card's usual height with its gap; rows are measured once drawn, this only sizes the scrollbar until then. */
const ESTIMATED_CARD_HEIGHT = 150;
/** Ask for the next page this many cards before the end, so scrolling rarely waits. */
const PREFETCH_CARDS = 10;

export interface DropData {
  lane: string;
  column: CaseColumn;
}

export const cellId = (lane: string, column: CaseColumn) => `${lane}::${column}`;

interface BoardCellProps {
  lane: string;
  column: CaseColumn;
  cell: Cell;
  cards: Readonly<Record<string, CaseCard>>;
  /** The cell's name for assistive technology: column, or lane and column. */
  label: string;
  heading: ReactNode;
  headingLevel: 2 | 3;
  policy: SlaPolicy;
  now: number;
  highlighted: Readonly<Record<string, true>>;
  viewersOf(caseId: string): readonly string[];
  /** Set while a card of this lane is dragged. */
  verdict: ColumnVerdict | null;
  /** A card of another lane is dragged: this cell takes no drop. */
  closed: boolean;
  focusRequest: string | null;
  onFocused(): void;
  onOpen(card: CaseCard): void;
  onLoadMore(lane: string, column: CaseColumn): void;
}

function VerdictNote({ verdict }: { verdict: ColumnVerdict }) {
  const { t } = useTranslation();
  const text =
    verdict.kind === 'current'
      ? t('board.move.current')
      : verdict.kind === 'allowed'
        ? verdict.needsReason
          ? t('board.move.needsReason')
          : t('board.move.allowed')
        : verdict.kind === 'checking'
          ? t('board.move.checking')
          : verdict.reason;
  return <p className={`board-column__verdict board-column__verdict--${verdict.kind}`}>{text}</p>;
}

/**
 * One column of the board (in one lane): a drop target, and a virtualised list that draws only
 * the cards in view and fetches the next page before the user reaches the end.
 */
export function BoardCell(props: BoardCellProps) {
  const { lane, column, cell, cards, label, heading, headingLevel, policy, now, highlighted, viewersOf, verdict, closed, focusRequest } = props;
  const { onFocused, onOpen, onLoadMore } = props;
  const { t } = useTranslation();
  const drop: DropData = { lane, column };
  const { setNodeRef, isOver } = useDroppable({ id: cellId(lane, column), data: drop, disabled: closed });
  const scrollElement = useRef<HTMLDivElement | null>(null);
  const hasMore = cell.nextCursor !== null;
  const virtualizer = useVirtualizer({
    count: cell.ids.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollElement.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: (index) => cell.ids[index] ?? 'more',
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !cell.loading && !cell.failed && lastIndex >= cell.ids.length - PREFETCH_CARDS) onLoadMore(lane, column);
  }, [hasMore, cell.loading, cell.failed, lastIndex, cell.ids.length, lane, column, onLoadMore]);

  const focusIndex = focusRequest ? cell.ids.indexOf(focusRequest) : -1;
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtualizer]);

  const headingId = `cell-${lane}-${column}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      ref={setNodeRef}
      className={['board-column', isOver ? 'board-column--over' : '', verdict ? `board-column--${verdict.kind}` : ''].join(' ')}
      aria-labelledby={headingId}
      data-column={column}
      data-lane={lane}
    >
      <Heading id={headingId} className="board-column__title" aria-label={label}>
        {heading}
      </Heading>
      {verdict && <VerdictNote verdict={verdict} />}
      <div ref={scrollElement} className="board-column__scroll">
        {cell.ids.length === 0 && !hasMore ? (
          <p className="board-column__empty">{t('board.empty')}</p>
        ) : (
          <ul className="board-column__cards" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const card = cards[cell.ids[item.index]];
              return (
                <li
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="board-column__item"
                  style={{ transform: `translateY(${item.start}px)` }}
                  aria-setsize={cell.total}
                  aria-posinset={item.index + 1}
                >
                  {card ? (
                    <CaseCardView
                      card={card}
                      lane={lane}
                      policy={policy}
                      now={now}
                      highlighted={highlighted[card.id] === true}
                      viewers={viewersOf(card.id)}
                      focusRequested={focusRequest === card.id}
                      onFocused={onFocused}
                      onOpen={onOpen}
                    />
                  ) : cell.failed ? (
                    <p className="board-column__more">
                      {t('board.loadMoreFailed')}{' '}
                      <button type="button" className="button" onClick={() => onLoadMore(lane, column)}>
                        {t('board.retry')}
                      </button>
                    </p>
                  ) : (
                    <p className="board-column__more">
                      {cell.loading ? t('board.loadingMore') : t('board.shown', { shown: cell.ids.length, total: cell.total })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
