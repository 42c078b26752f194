import {
  boardFiltersToQuery,
  type ApprovalPolicy,
  type BoardCardLookup,
  type BoardFilters,
  type BoardPage,
  type BoardSnapshot,
  type CaseColumn,
  type CaseDetail,
  type Locale,
  type SavedView,
  type SavedViewInput,
  type SlaPolicy,
  type UserSummary,
} from '@app/shared';
import { apiRequest } from '../../app/api-client.js';

function query(filters: BoardFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams(boardFiltersToQuery(filters));
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const fetchBoard = (filters: BoardFilters, signal?: AbortSignal) => apiRequest<BoardSnapshot>(`/board${query(filters)}`, { signal });

export const fetchColumnPage = (column: CaseColumn, filters: BoardFilters, cursor: string, lane: string | undefined) =>
  apiRequest<BoardPage>(`/board/columns/${column}${query(filters, { cursor, lane })}`);

export const fetchBoardCard = (caseId: string, filters: BoardFilters) =>
  apiRequest<BoardCardLookup>(`/board/cards/${caseId}${query(filters)}`);

export const fetchCaseDetail = (caseId: string) => apiRequest<CaseDetail>(`/cases/${caseId}`);

export const fetchApprovalPolicy = () => apiRequest<ApprovalPolicy>('/settings/approval-policy');

export const fetchSlaPolicy = () => apiRequest<SlaPolicy>('/settings/sla-policy');

export const fetchUsers = () => apiRequest<UserSummary[]>('/users');

/**
 * The server judges the move again and answers in the UI's language; `requestId` comes back on
 * the live echo of this move, which is how the board recognises its own move.
 */
export const postMove = (caseId: string, body: { to: CaseColumn; version: number; reason?: string }, requestId: string, locale: Locale) =>
  apiRequest<CaseDetail>(`/cases/${caseId}/transitions`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'X-Request-Id': requestId, 'Accept-Language': locale },
  });

export const fetchSavedViews = () => apiRequest<SavedView[]>('/views');

export const createSavedView = (input: SavedViewInput, locale: Locale) =>
  apiRequest<SavedView>('/views', { method: 'POST', body: JSON.stringify(input), headers: { 'Accept-Language': locale } });

export const deleteSavedView = (id: string) => apiRequest<void>(`/views/${id}`, { method: 'DELETE' });

/** 128 random bits in the alphabet the server accepts for X-Request-Id. */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
