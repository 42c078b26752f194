import { Logger } from '@nestjs/common';
import type { RealtimeAck } from '@app/shared';
import { mapError } from '../../common/errors/api-error.js';

const logger = new Logger('RealtimeGateway');

/** A failed client message as its acknowledgement, mapped like an HTTP error (mapError). */
export function errorAck(error: unknown, acceptLanguage: string | undefined): Extract<RealtimeAck, { ok: false }> {
  const { status, body } = mapError(error, acceptLanguage);
  if (status >= 500) logger.error(error instanceof Error ? error.stack : String(error));
  return { ok: false, code: body.code, message: body.message, ...(body.details === undefined ? {} : { details: body.details }) };
}
