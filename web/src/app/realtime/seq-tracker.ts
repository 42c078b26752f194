import type { LiveCaseEvent, SyncResumeResult } from '@app/shared';

/**
 * Keeps a client's view of the event stream gap-free: hands case events on in seq order, each
 * once, and asks the server for what is missing. Pure logic, so it can be tested without a socket.
 *
 * Sequence numbers are global and allocated in commit order. A jump (seq > lastSeq + 1) means
 * something was missed, or a number was never committed; either way the server's answer to
 * `sync.resume` settles it: it sends what exists and says up to where it is complete.
 */
export class SeqTracker {
  private last: number | null = null;
  private readonly held = new Map<number, LiveCaseEvent>();
  private resuming = false;

  constructor(
    private readonly deliver: (event: LiveCaseEvent) => void,
    /** Must end in `resumed()`, also when the request fails (with `resumeFailed()`). */
    private readonly requestResume: (lastSeq: number) => void,
  ) {}

  /** The last seq handed on, or null before the first connection said where the stream starts. */
  get lastSeq(): number | null {
    return this.last;
  }

  /**
   * On every `session.ready`: a fresh client starts at the server's position; a client that
   * already has a position asks for what it missed while disconnected.
   */
  connected(latestSeq: number): void {
    if (this.last === null) {
      this.last = latestSeq;
      this.drain();
    } else {
      this.startResume();
    }
  }

  receive(event: LiveCaseEvent): void {
    if (this.last !== null && event.seq <= this.last) return;
    this.held.set(event.seq, event);
    if (this.last === null || this.resuming) return;
    this.drain();
    if (this.held.size > 0) this.startResume();
  }

  /** The server's answer to `sync.resume`; the replayed events arrived before it. */
  resumed(result: SyncResumeResult): void {
    this.resuming = false;
    if ('reload' in result) {
      this.last = Math.max(this.last ?? 0, result.latestSeq);
    } else {
      // Everything up to throughSeq that exists has been received: missing numbers never committed.
      for (const seq of [...this.held.keys()].sort((a, b) => a - b)) {
        if (seq > result.throughSeq) break;
        this.emit(this.held.get(seq)!);
      }
      this.last = Math.max(this.last ?? 0, result.throughSeq);
    }
    this.drain();
    if (this.held.size > 0) this.startResume();
  }

  /**
   * The resume request failed (timeout, rate limit): hands on what arrived in order meanwhile.
   * True while a gap is left, which `retryResume()`, the next event or the next connection asks for again.
   */
  resumeFailed(): boolean {
    this.resuming = false;
    this.drain();
    return this.held.size > 0;
  }

  retryResume(): void {
    if (this.held.size > 0) this.startResume();
  }

  private startResume(): void {
    if (this.resuming || this.last === null) return;
    this.resuming = true;
    this.requestResume(this.last);
  }

  private drain(): void {
    if (this.last === null) return;
    for (const seq of this.held.keys()) if (seq <= this.last) this.held.delete(seq);
    for (let next = this.held.get(this.last + 1); next; next = this.held.get(this.last + 1)) this.emit(next);
  }

  private emit(event: LiveCaseEvent): void {
    this.held.delete(event.seq);
    if (this.last !== null && event.seq <= this.last) return;
    this.last = event.seq;
    this.deliver(event);
  }
}
