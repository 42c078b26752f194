import { describe, expect, it } from 'vitest';
import type { LiveCaseEvent } from '@app/shared';
import { SeqTracker } from './seq-tracker';

const event = (seq: number): LiveCaseEvent => ({
  seq,
  caseId: '00000000-0000-4000-8000-000000000001',
  type: 'case.moved',
  actorId: null,
  actorName: null,
  requestId: `r${seq}`,
  occurredAt: '2026-11-23T08:00:00.000Z',
  data: {},
});

function setup() {
  const delivered: number[] = [];
  const resumes: number[] = [];
  const tracker = new SeqTracker(
    (e) => delivered.push(e.seq),
    (lastSeq) => resumes.push(lastSeq),
  );
  return { tracker, delivered, resumes };
}

describe('SeqTracker', () => {
  it('starts a fresh client at the server position and hands events on in order, dropping duplicates', () => {
    const { tracker, delivered, resumes } = setup();
    tracker.connected(10);
    for (const seq of [11, 12, 12, 9, 13]) tracker.receive(event(seq));
    expect(delivered).toEqual([11, 12, 13]);
    expect(tracker.lastSeq).toBe(13);
    expect(resumes).toEqual([]);
  });

  it('drops what arrived before the start position', () => {
    const { tracker, delivered } = setup();
    tracker.receive(event(10));
    tracker.receive(event(11));
    tracker.connected(10);
    expect(delivered).toEqual([11]);
  });

  it('asks for what it missed on a gap, holds later events, then delivers everything in order', () => {
    const { tracker, delivered, resumes } = setup();
    tracker.connected(10);
    tracker.receive(event(11));
    tracker.receive(event(14));
    expect(resumes).toEqual([11]);
    tracker.receive(event(15));
    // The replay arrives before the answer; a live event can arrive in between too.
    tracker.receive(event(12));
    tracker.receive(event(13));
    tracker.receive(event(14));
    expect(delivered).toEqual([11]);
    tracker.resumed({ replayed: 3, throughSeq: 14 });
    expect(delivered).toEqual([11, 12, 13, 14, 15]);
    expect(resumes).toEqual([11]);
  });

  it('accepts a number that never committed once the server says the stream is complete past it', () => {
    const { tracker, delivered, resumes } = setup();
    tracker.connected(10);
    tracker.receive(event(12));
    expect(resumes).toEqual([10]);
    tracker.resumed({ replayed: 1, throughSeq: 12 });
    expect(delivered).toEqual([12]);
    tracker.receive(event(13));
    expect(delivered).toEqual([12, 13]);
  });

  it('after a reconnect, resumes from the last event it handed on and delivers each missed event once', () => {
    const { tracker, delivered, resumes } = setup();
    tracker.connected(10);
    tracker.receive(event(11));
    tracker.connected(30);
    expect(resumes).toEqual([11]);
    for (const seq of [12, 13, 31, 12]) tracker.receive(event(seq));
    tracker.resumed({ replayed: 2, throughSeq: 30 });
    expect(delivered).toEqual([11, 12, 13, 31]);
  });

  it('on reload, continues after the reload position without replaying', () => {
    const { tracker, delivered } = setup();
    tracker.connected(10);
    tracker.connected(900);
    tracker.receive(event(900));
    tracker.receive(event(901));
    tracker.resumed({ reload: true, latestSeq: 900 });
    expect(delivered).toEqual([901]);
    expect(tracker.lastSeq).toBe(901);
  });

  it('retries on the next gap when a resume failed', () => {
    const { tracker, resumes } = setup();
    tracker.connected(10);
    tracker.receive(event(12));
    expect(tracker.resumeFailed()).toBe(true);
    tracker.receive(event(13));
    expect(resumes).toEqual([10, 10]);
  });

  it('hands on what arrived in order while a failed resume was pending, and asks again only for a gap still open', () => {
    const { tracker, delivered, resumes } = setup();
    tracker.connected(10);
    tracker.connected(10);
    tracker.receive(event(11));
    tracker.receive(event(12));
    expect(delivered).toEqual([]);
    expect(tracker.resumeFailed()).toBe(false);
    expect(delivered).toEqual([11, 12]);

    tracker.connected(12);
    tracker.receive(event(14));
    expect(tracker.resumeFailed()).toBe(true);
    tracker.retryResume();
    expect(resumes).toEqual([10, 12, 12]);
    tracker.resumed({ replayed: 0, throughSeq: 14 });
    expect(delivered).toEqual([11, 12, 14]);
    tracker.retryResume();
    expect(resumes).toHaveLength(3);
  });
});
