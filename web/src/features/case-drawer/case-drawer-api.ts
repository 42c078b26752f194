import type {
  ApiErrorBody,
  ApprovalInput,
  ApprovalPolicy,
  CaseComment,
  CaseDetail,
  Customer,
  Evidence,
  MoveInput,
  TimelineEntry,
  TimelineVerification,
  UpdateCaseInput,
  UserSummary,
} from '@app/shared';
import { ApiError, apiRequest } from '../../app/api-client.js';

/** One earlier case of a customer, as the customer lookup lists it. */
export interface CustomerCase {
  id: string;
  number: string;
  title: string;
  column: CaseDetail['column'];
  category: CaseDetail['category'];
  createdAt: string;
}

export interface CustomerHistory {
  customer: Customer;
  cases: CustomerCase[];
}

const caseUrl = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

export const fetchCase = (idOrNumber: string) => apiRequest<CaseDetail>(caseUrl(idOrNumber));

export const patchCase = (caseId: string, input: UpdateCaseInput) =>
  apiRequest<CaseDetail>(caseUrl(caseId), { method: 'PATCH', body: JSON.stringify(input) });

export const moveCase = (caseId: string, input: MoveInput) =>
  apiRequest<CaseDetail>(`${caseUrl(caseId)}/transitions`, { method: 'POST', body: JSON.stringify(input) });

export const decideApproval = (caseId: string, input: ApprovalInput) =>
  apiRequest<CaseDetail>(`${caseUrl(caseId)}/approvals`, { method: 'POST', body: JSON.stringify(input) });

export const fetchTimeline = (caseId: string) => apiRequest<TimelineEntry[]>(`${caseUrl(caseId)}/timeline`);

export const verifyTimeline = (caseId: string) => apiRequest<TimelineVerification>(`${caseUrl(caseId)}/timeline/verify`);

export const fetchComments = (caseId: string) => apiRequest<CaseComment[]>(`${caseUrl(caseId)}/comments`);

export const postComment = (caseId: string, body: string) =>
  apiRequest<CaseComment>(`${caseUrl(caseId)}/comments`, { method: 'POST', body: JSON.stringify({ body }) });

export const fetchEvidence = (caseId: string) => apiRequest<Evidence[]>(`${caseUrl(caseId)}/evidence`);

export const evidenceContentUrl = (caseId: string, evidenceId: string) =>
  `/api${caseUrl(caseId)}/evidence/${encodeURIComponent(evidenceId)}/content`;

/** Multipart, so not through `apiRequest`, which would label the body as JSON. */
export async function uploadEvidence(caseId: string, file: File, caption: string): Promise<Evidence> {
  const form = new FormData();
  form.append('caption', caption);
  form.append('file', file);
  const response = await fetch(`/api${caseUrl(caseId)}/evidence`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    body: form,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
    throw new ApiError(response.status, body);
  }
  return (await response.json()) as Evidence;
}

export const fetchUsers = () => apiRequest<UserSummary[]>('/users');

export const fetchApprovalPolicy = () => apiRequest<ApprovalPolicy>('/settings/approval-policy');

/** The customer with this phone and their cases, newest first; `null` for a first-time caller. */
export async function lookupCustomer(phone: string): Promise<CustomerHistory | null> {
  try {
    return await apiRequest<CustomerHistory>(`/customers/lookup?phone=${encodeURIComponent(phone)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
