import type { ErrorCode } from '@app/shared';

/** A refusal the domain knows about. Mapped to HTTP and socket answers in one place. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    readonly details?: unknown,
  ) {
    super(code);
  }
}
