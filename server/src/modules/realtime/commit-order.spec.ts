import { describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '@app/shared';
import { CommitOrder } from './commit-order.js';

const entry = (seq: number): TimelineEntry => ({
  seq,
  caseId: '00000000-0000-4000-8000-000000000001',
  type: 'case.updated',
  actorId: null,
  actorName: null,
  requestId: null,
  occurredAt: '2026-11-23T08:00:00.000Z',
  data: {},
  prevHash: null,
  hash: String(seq),
});

function setup(log: TimelineEntry[], after = 0) {
  const delivered: number[] = [];
  const readLog = vi.fn(async (seq: number, limit: number) => log.filter((row) => row.seq > seq).slice(0, limit));
  const order = new CommitOrder({ after, deliver: (e) => delivered.push(e.seq), readLog, gapGraceMs: 20, onError: (e) => { throw e; } });
  return { order, delivered, readLog };
}

describe('CommitOrder', () => {
  it('delivers in seq order, each once, without reading the log when nothing is missing', () => {
    const { order, delivered, readLog } = setup([]);
    for (const seq of [2, 1, 1, 3, 2]) order.accept(entry(seq));
    expect(delivered).toEqual([1, 2, 3]);
    expect(readLog).not.toHaveBeenCalled();
  });

  it('ignores what was committed before it started', () => {
    const { order, delivered } = setup([], 10);
    order.accept(entry(9));
    order.accept(entry(11));
    expect(delivered).toEqual([11]);
  });

  it('waits for a late arrival instead of reading the log', async () => {
    const { order, delivered, readLog } = setup([]);
    order.accept(entry(2));
    expect(delivered).toEqual([]);
    order.accept(entry(1));
    expect(delivered).toEqual([1, 2]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(readLog).not.toHaveBeenCalled();
  });

  it('fills a gap that never arrives from the log, and skips a number that never committed', async () => {
    // 3 was rolled back after taking its number; 2 was committed but its announcement was lost.
    const { order, delivered, readLog } = setup([entry(1), entry(2), entry(4)]);
    order.accept(entry(1));
    order.accept(entry(4));
    await vi.waitFor(() => expect(delivered).toEqual([1, 2, 4]));
    expect(readLog).toHaveBeenCalledWith(1, expect.any(Number));
    order.accept(entry(2));
    order.accept(entry(5));
    expect(delivered).toEqual([1, 2, 4, 5]);
  });

  it('catches up with commits it never heard of', async () => {
    const { order, delivered } = setup([entry(1), entry(2)]);
    await order.catchUp();
    expect(delivered).toEqual([1, 2]);
  });
});
