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
