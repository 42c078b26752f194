import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { Response } from 'express';
import { ApiExceptionFilter } from '../../common/errors/api-exception.filter.js';
import { LoginThrottledError } from './auth.service.js';

/** Answers like the global filter, adding the Retry-After header that a throttled login owes the client. */
@Catch()
export class RetryAfterFilter extends ApiExceptionFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    if (error instanceof LoginThrottledError) {
      host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    super.catch(error, host);
  }
}
