import type { EscalationsOverview, EscalationsQuery } from '@app/shared';
import { apiRequest } from '../../app/api-client.js';

export const fetchEscalations = (query: EscalationsQuery, signal?: AbortSignal) =>
  apiRequest<EscalationsOverview>(`/escalations${query.department ? `?department=${query.department}` : ''}`, { signal });
