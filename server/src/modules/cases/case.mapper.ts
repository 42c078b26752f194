import type { Approval, CaseDetail } from '@app/shared';

/** A row of `caseDetailSql`, as pg returns it. */
export interface CaseDetailRow {
  id: string;
  number: string;
  title: string;
  board_column: CaseDetail['column'];
  channel: CaseDetail['channel'];
  category: CaseDetail['category'];
  severity: CaseDetail['severity'];
  waybill: string;
  order_number: string | null;
  origin: string;
  destination: string;
  /** numeric: a string, to keep its precision. */
  declared_value: string | null;
  facts: CaseDetail['facts'];
  claim: CaseDetail['claim'];
  investigation: CaseDetail['investigation'];
  compensation: Omit<CaseDetail['compensation'], 'proposedBy'>;
  compensation_proposed_by: string | null;
  corrective_action: CaseDetail['correctiveAction'];
  follow_up: CaseDetail['followUp'];
  owner_id: string | null;
  owning_department: CaseDetail['owningDepartment'];
  watcher_ids: string[];
  reopen_count: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  customer_id: string;
  customer_name: string;
  customer_phone: string;
  customer_email: string | null;
  customer_company: string | null;
  customer_type: CaseDetail['customer']['type'];
  approvals: Approval[];
  /** Only when locking. */
  changed_while_locking?: boolean;
}

export function toCaseDetail(row: CaseDetailRow): CaseDetail {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    column: row.board_column,
    channel: row.channel,
    category: row.category,
    severity: row.severity,
    customer: {
      id: row.customer_id,
      name: row.customer_name,
      phone: row.customer_phone,
      email: row.customer_email,
      company: row.customer_company,
      type: row.customer_type,
    },
    shipment: {
      waybill: row.waybill,
      orderNumber: row.order_number,
      origin: row.origin,
      destination: row.destination,
      declaredValue: row.declared_value === null ? null : Number(row.declared_value),
    },
    facts: row.facts,
    claim: row.claim,
    investigation: row.investigation,
    compensation: { ...row.compensation, proposedBy: row.compensation_proposed_by },
    approvals: row.approvals,
    correctiveAction: row.corrective_action,
    followUp: row.follow_up,
    ownerId: row.owner_id,
    owningDepartment: row.owning_department,
    watcherIds: row.watcher_ids,
    reopenCount: row.reopen_count,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
