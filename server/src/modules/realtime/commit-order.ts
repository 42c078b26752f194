import type { TimelineEntry } from '@app/shared';

/** Rows read from the event log per round while filling a gap. */
const FILL_BATCH = 500;

export interface CommitOrderOptions {
  /** The last sequence number that needs no delivery (the log's head at start). */
  after: number;
  deliver: (entry: TimelineEntry) => void;
  /** Committed events after `seq`, in seq order, at most `limit` (TimelineService.since). */
  readLog: (seq: number, limit: number) => Promise<TimelineEntry[]>;
  gapGraceMs: number;
  onError: (error: unknown) => void;
}

/**
 * Delivers every committed event this instance hears of exactly once and in seq order, whether
 * it came from this instance's own commits or from another instance through the adapter (whose
 * messages can overtake each other). A missing number is waited for briefly, then the event log
 * decides: seq is allocated under a lock held to commit, so once seq N is visible every smaller
 * number has either committed (and is read from the log) or never will (a rolled-back insert).
 */
export class CommitOrder {
  private last: number;
  private readonly waiting = new Map<number, TimelineEntry>();
  private gapTimer: NodeJS.Timeout | undefined;
  private filling = false;
  private stopped = false;

  constructor(private readonly options: CommitOrderOptions) {
    this.last = options.after;
  }

  get lastDelivered(): number {
    return this.last;
  }

  accept(entry: TimelineEntry): void {
    if (this.stopped || entry.seq <= this.last || this.waiting.has(entry.seq)) return;
    this.waiting.set(entry.seq, entry);
    this.drain();
  }

  /** Reads the log now: covers commits whose announcement never arrived and nothing came after. */
  catchUp(): Promise<void> {
    return this.filling ? Promise.resolve() : this.fill();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.gapTimer);
    this.waiting.clear();
  }

  private drain(): void {
    for (let next = this.waiting.get(this.last + 1); next; next = this.waiting.get(this.last + 1)) {
      this.waiting.delete(next.seq);
      this.emit(next);
    }
    if (this.waiting.size === 0) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
    } else if (!this.gapTimer && !this.filling && !this.stopped) {
      this.gapTimer = setTimeout(() => void this.fill(), this.options.gapGraceMs);
    }
  }

  private async fill(): Promise<void> {
    clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
    this.filling = true;
    try {
      for (;;) {
        const rows = await this.options.readLog(this.last, FILL_BATCH);
        for (const row of rows) if (row.seq > this.last && !this.stopped) this.emit(row);
        if (rows.length < FILL_BATCH) break;
      }
      for (const seq of this.waiting.keys()) if (seq <= this.last) this.waiting.delete(seq);
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.filling = false;
      this.drain();
    }
  }

  private emit(entry: TimelineEntry): void {
    this.last = entry.seq;
    this.options.deliver(entry);
  }
}
