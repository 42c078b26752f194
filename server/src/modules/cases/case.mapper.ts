import type { CaseDetail } from '@app/shared';
import { toCustomer } from '../customers/customers.service.js';
import type { CaseApprovalEntity } from '../workflow/case-approval.entity.js';
import type { CaseEntity } from './case.entity.js';

export function toCaseDetail(entity: CaseEntity, approvals: CaseApprovalEntity[]): CaseDetail {
  if (!entity.customer) throw new Error('toCaseDetail needs the customer loaded');
  return {
    id: entity.id,
    number: entity.number,
    title: entity.title,
    column: entity.column,
    channel: entity.channel,
    category: entity.category,
    severity: entity.severity,
    customer: toCustomer(entity.customer),
    shipment: {
      waybill: entity.waybill,
      orderNumber: entity.orderNumber,
      origin: entity.origin,
      destination: entity.destination,
      declaredValue: entity.declaredValue,
    },
    facts: entity.facts,
    claim: entity.claim,
    investigation: entity.investigation,
    compensation: { ...entity.compensation, proposedBy: entity.compensationProposedBy },
    approvals: approvals.map((approval) => ({
      id: approval.id,
      approverId: approval.approverId,
      approverRole: approval.approverRole,
      decision: approval.decision,
      amount: approval.amount,
      reason: approval.reason,
      decidedAt: approval.decidedAt.toISOString(),
      voidedAt: approval.voidedAt?.toISOString() ?? null,
    })),
    correctiveAction: entity.correctiveAction,
    followUp: entity.followUp,
    ownerId: entity.ownerId,
    owningDepartment: entity.owningDepartment,
    watcherIds: entity.watcherIds,
    reopenCount: entity.reopenCount,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}
