import type { CaseColumn, CaseDetail, CreateCaseInput } from '@app/shared';
import { apiRequest } from '../../app/api-client.js';

/** An open case on the same waybill, as `GET /api/cases/open-by-waybill` lists it. */
export interface OpenCaseOnWaybill {
  id: string;
  number: string;
  title: string;
  column: CaseColumn;
  customerName: string;
  createdAt: string;
}

export const createCase = (input: CreateCaseInput) => apiRequest<CaseDetail>('/cases', { method: 'POST', body: JSON.stringify(input) });

export const fetchOpenCasesOnWaybill = (waybill: string) =>
  apiRequest<OpenCaseOnWaybill[]>(`/cases/open-by-waybill?waybill=${encodeURIComponent(waybill)}`);
