import { describe, expect, it } from 'vitest';
import type { LiveCaseEvent } from '@app/shared';
import { boardReducer, initialBoardState, locate, type BoardAction, type BoardState } from './board-state.js';
import { makeCard, makeSnapshot, NOW } from './board-test-kit.js';

const run = (state: BoardState, ...actions: BoardAction[]) => actions.reduce(boardReducer, state);
const idsIn = (state: BoardState, column: string) => state.lanes[0].cells[column as 'intake'].ids;
const totalOf = (state: BoardState, column: string) => state.lanes[0].cells[column as 'intake'].total;

function moved(caseId: string, to: string, overrides: Partial<LiveCaseEvent> = {}): LiveCaseEvent {
  return {
    seq: 101,
    caseId,
    type: 'case.moved',
    actorId: null,
    actorName: '李建国',
    requestId: 'someone-elses-request',
    occurredAt: new Date(NOW).toISOString(),
    data: { from: 'intake', to, kind: 'forward', version: 2 },
    ...overrides,
  };
}

describe('boardReducer', () => {
  const urgent = makeCard({ hoursAgo: 3 }); // breached: serious, 2 h for the first response
  const calm = makeCard({ hoursAgo: 0.5 });
  const investigating = makeCard({ column: 'investigation', hoursAgo: 5, firstRespondedAt: new Date(NOW - 4 * 3_600_000).toISOString() });
  const loaded = run(initialBoardState, { type: 'snapshotLoaded', snapshot: makeSnapshot([urgent, calm, investigating]) });

  it('moves a card at once, and puts it back where it was when the server refuses', () => {
    const optimistic = run(loaded, { type: 'moveStarted', requestId: 'r1', caseId: urgent.id, to: 'investigation', now: NOW });
    expect(idsIn(optimistic, 'intake')).toEqual([calm.id]);
    expect(idsIn(optimistic, 'investigation')).toContain(urgent.id);
    expect(optimistic.cards[urgent.id].firstRespondedAt).toBe(new Date(NOW).toISOString());
    expect([totalOf(optimistic, 'intake'), totalOf(optimistic, 'investigation')]).toEqual([1, 2]);

    const rolledBack = run(optimistic, { type: 'moveRolledBack', requestId: 'r1' });
    expect(idsIn(rolledBack, 'intake')).toEqual([urgent.id, calm.id]);
    expect(idsIn(rolledBack, 'investigation')).toEqual([investigating.id]);
    expect(rolledBack.cards[urgent.id]).toEqual(urgent);
    expect([totalOf(rolledBack, 'intake'), totalOf(rolledBack, 'investigation')]).toEqual([2, 1]);
  });

  it('keeps a confirmed move and takes the new version', () => {
    const confirmed = run(
      loaded,
      { type: 'moveStarted', requestId: 'r1', caseId: calm.id, to: 'investigation', now: NOW },
      { type: 'moveConfirmed', requestId: 'r1', version: 2 },
      { type: 'moveRolledBack', requestId: 'r1' },
    );
    expect(locate(confirmed, calm.id)?.column).toBe('investigation');
    expect(confirmed.cards[calm.id].version).toBe(2);
  });

  it('drops the live echo of its own move, even when the card has moved on since', () => {
    const own = run(
      loaded,
      { type: 'moveStarted', requestId: 'first', caseId: calm.id, to: 'investigation', now: NOW },
      { type: 'moveConfirmed', requestId: 'first', version: 2 },
      { type: 'moveStarted', requestId: 'second', caseId: calm.id, to: 'compensation', now: NOW },
      { type: 'liveEvent', event: moved(calm.id, 'investigation', { requestId: 'first' }), now: NOW },
    );
    expect(locate(own, calm.id)?.column).toBe('compensation');
    expect(own.highlighted).toEqual({});
    expect(own.seq).toBe(101);
  });

  it('moves a card another screen moved, at its rank, highlighted', () => {
    const live = run(loaded, { type: 'liveEvent', event: moved(calm.id, 'investigation'), now: NOW });
    expect(idsIn(live, 'intake')).toEqual([urgent.id]);
    // Its resolution clock has more time left than the older case's, so it comes second.
    expect(idsIn(live, 'investigation')).toEqual([investigating.id, calm.id]);
    expect(live.cards[calm.id].version).toBe(2);
    expect(live.highlighted).toEqual({ [calm.id]: true });
    expect(run(live, { type: 'highlightEnded', caseId: calm.id }).highlighted).toEqual({});
  });

  it('ignores live events the snapshot already contains', () => {
    expect(run(loaded, { type: 'liveEvent', event: moved(calm.id, 'investigation', { seq: 100 }), now: NOW })).toBe(loaded);
  });

  it('takes a card that arrives from the server, and drops one the filters no longer show', () => {
    const fresh = makeCard({ hoursAgo: 2.5 });
    const arrived = run(loaded, { type: 'cardArrived', caseId: fresh.id, card: fresh, highlight: true, now: NOW });
    expect(idsIn(arrived, 'intake')).toEqual([urgent.id, fresh.id, calm.id]);
    expect(totalOf(arrived, 'intake')).toBe(3);
    const gone = run(arrived, { type: 'cardArrived', caseId: urgent.id, card: null, highlight: true, now: NOW });
    expect(idsIn(gone, 'intake')).toEqual([fresh.id, calm.id]);
    expect(totalOf(gone, 'intake')).toBe(2);
  });

  it('counts, without showing, a card that ranks after the loaded part of a longer column', () => {
    const longer = run(initialBoardState, { type: 'snapshotLoaded', snapshot: makeSnapshot([urgent], { more: { intake: 'cursor-1' } }) });
    const late = makeCard({ hoursAgo: 0.1 });
    const next = run(longer, { type: 'cardArrived', caseId: late.id, card: late, movedFrom: 'investigation', highlight: true, now: NOW });
    expect(idsIn(next, 'intake')).toEqual([urgent.id]);
    expect(totalOf(next, 'intake')).toBe(totalOf(longer, 'intake') + 1);
  });

  it('appends a page without repeating cards already on the board', () => {
    const longer = run(initialBoardState, { type: 'snapshotLoaded', snapshot: makeSnapshot([urgent], { more: { intake: 'cursor-1' } }) });
    const page = run(
      longer,
      { type: 'pageRequested', lane: 'all', column: 'intake' },
      { type: 'pageLoaded', lane: 'all', column: 'intake', page: { cards: [urgent, calm], nextCursor: null } },
    );
    expect(idsIn(page, 'intake')).toEqual([urgent.id, calm.id]);
    expect(page.lanes[0].cells.intake).toMatchObject({ nextCursor: null, loading: false });
  });

  it('remembers a failed page, so the column stops asking until the user retries', () => {
    const longer = run(initialBoardState, { type: 'snapshotLoaded', snapshot: makeSnapshot([urgent], { more: { intake: 'cursor-1' } }) });
    const failed = run(longer, { type: 'pageRequested', lane: 'all', column: 'intake' }, { type: 'pageFailed', lane: 'all', column: 'intake' });
    expect(failed.lanes[0].cells.intake).toMatchObject({ loading: false, failed: true, nextCursor: 'cursor-1' });
    const retried = run(failed, { type: 'pageRequested', lane: 'all', column: 'intake' });
    expect(retried.lanes[0].cells.intake).toMatchObject({ loading: true, failed: false });
  });

  it('leaves a card with a move in flight alone when an older copy arrives', () => {
    const inFlight = run(loaded, { type: 'moveStarted', requestId: 'r2', caseId: calm.id, to: 'investigation', now: NOW });
    const stale = run(inFlight, { type: 'cardArrived', caseId: calm.id, card: calm, highlight: true, now: NOW });
    expect(stale).toBe(inFlight);
  });
});
