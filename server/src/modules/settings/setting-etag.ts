import { applyDecorators } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { VersionedSetting } from './setting-versions.js';

/** A setting's answer: the setting itself as the body (as every reader expects it), its version as the ETag. */
export function answerWithETag<T>(response: Response, setting: VersionedSetting<T>): T {
  response.setHeader('ETag', setting.version);
  return setting.value;
}

/** The version a PUT's If-Match names; none, or `*` (any), saves over whatever is stored. */
export function expectedVersion(ifMatch: string | undefined): string | null {
  const tag = ifMatch?.trim();
  return !tag || tag === '*' ? null : tag;
}

/** For the OpenAPI document: a setting's GET answers its version as the ETag. */
export const VersionedRead = () =>
  applyDecorators(ApiOkResponse({ description: 'The setting; its version in the ETag header', headers: { ETag: { schema: { type: 'string' } } } }));

/** For the OpenAPI document: a setting's PUT may name the version it was read at. */
export const VersionedWrite = () =>
  applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of the GET the change starts from; without it the change saves over whatever is stored' }),
    ApiConflictResponse({ description: 'VERSION_CONFLICT: another admin saved since; details.current and details.version hold what is stored now' }),
  );
