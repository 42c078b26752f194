import type { ApiErrorBody } from '@app/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | undefined,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

/**
 * JSON over fetch with the session cookie, with the answer's headers for the callers that read
 * one (a setting's `ETag`); non-2xx answers become an `ApiError` with the server's body.
 */
export async function apiExchange<T>(path: string, init: RequestInit = {}): Promise<{ body: T; headers: Headers }> {
  const response = await fetch(`/api${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
    throw new ApiError(response.status, body);
  }
  const body = (response.status === 204 ? undefined : await response.json()) as T;
  return { body, headers: response.headers };
}

/** The body alone, which is all most callers need. */
export async function apiRequest<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await apiExchange<T>(path, init)).body;
}
