import { HttpException, HttpStatus } from '@nestjs/common';
import { ERROR_MESSAGES, pickLocale, type ApiErrorBody, type ErrorCode } from '@app/shared';
import { DomainError } from './domain-error.js';

export interface MappedError {
  status: number;
  body: ApiErrorBody;
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'VALIDATION_FAILED',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_REQUESTS',
};

function body(code: ErrorCode, acceptLanguage: string | undefined, details?: unknown): ApiErrorBody {
  const messages = ERROR_MESSAGES[code];
  return { code, message: messages[pickLocale(acceptLanguage)], messages, ...(details === undefined ? {} : { details }) };
}

/** Body-parser errors carry a `type` and a `status`; they reach us before any controller runs. */
function isBodyParserError(error: unknown): error is { type: string; status: number } {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error;
}

/** The one place where anything thrown becomes an HTTP status and an `ApiErrorBody`. */
export function mapError(error: unknown, acceptLanguage: string | undefined): MappedError {
  if (error instanceof DomainError) {
    const answer = body(error.code, acceptLanguage, error.details);
    const messages = error.options.messages ?? answer.messages;
    return {
      status: error.status,
      body: { ...error.options.fields, ...answer, messages, message: messages[pickLocale(acceptLanguage)] },
    };
  }
  // Express's adapter wraps body-parser failures in an HttpException; the cause says which.
  if (error instanceof HttpException && isBodyParserError(error.cause)) {
    return mapError(error.cause, acceptLanguage);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // An uploaded file over its route's limit: Nest's multer interceptor keeps multer's error as the cause.
    if ((error.cause as { code?: unknown } | undefined)?.code === 'LIMIT_FILE_SIZE') {
      return { status, body: body('FILE_TOO_LARGE', acceptLanguage) };
    }
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    return { status, body: body(code, acceptLanguage) };
  }
  if (isBodyParserError(error)) {
    if (error.type === 'entity.parse.failed') return { status: 400, body: body('MALFORMED_JSON', acceptLanguage) };
    if (error.type === 'entity.too.large') return { status: 413, body: body('PAYLOAD_TOO_LARGE', acceptLanguage) };
    if (error.status >= 400 && error.status < 500) {
      return { status: error.status, body: body('VALIDATION_FAILED', acceptLanguage) };
    }
  }
  return { status: 500, body: body('INTERNAL', acceptLanguage) };
}
