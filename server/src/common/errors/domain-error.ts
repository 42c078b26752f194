import type { ErrorCode, LocalizedText } from '@app/shared';

export interface DomainErrorOptions {
  /** Fields placed at the top level of the answer, e.g. `missing` on a refused move. */
  fields?: Record<string, unknown>;
  /** A more specific human message than the code's generic one. */
  messages?: LocalizedText;
}

/** A refusal the domain knows about. Mapped to HTTP and socket answers in one place. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly details?: unknown,
    readonly options: DomainErrorOptions = {},
  ) {
    super(code);
  }
}
