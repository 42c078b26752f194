import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

/** Sessions ended by a sign-out on this instance, by id, so that whatever holds them open can let go. */
@Injectable()
export class SessionEndings {
  private readonly ended = new Subject<string>();

  get sessionIds(): Observable<string> {
    return this.ended.asObservable();
  }

  announce(sessionId: string): void {
    this.ended.next(sessionId);
  }
}
