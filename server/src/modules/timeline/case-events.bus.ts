import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { TimelineEntry } from '@app/shared';

/** Committed timeline events, in sequence order. Nothing enters before its transaction commits. */
@Injectable()
export class CaseEventsBus {
  private readonly committed = new Subject<TimelineEntry>();

  get events(): Observable<TimelineEntry> {
    return this.committed.asObservable();
  }

  publishCommitted(entries: TimelineEntry[]): void {
    for (const entry of entries) this.committed.next(entry);
  }
}
