import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  approvalStatus,
  canApprove,
  describeMissingFacts,
  evaluateMove,
  type ApprovalInput,
  type ApprovalRefusal,
  type CaseDetail,
  type MoveInput,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import type { ChangeContext } from '../cases/case-context.js';
import { CasesService } from '../cases/cases.service.js';
import { CaseEntity } from '../cases/case.entity.js';
import { ApprovalPolicyService } from '../settings/approval-policy.service.js';
import { TimelineService } from '../timeline/timeline.service.js';
import { CaseApprovalEntity } from './case-approval.entity.js';

const APPROVAL_REFUSAL_STATUS: Record<ApprovalRefusal, 403 | 409 | 422> = {
  ROLE_LACKS_AUTHORITY: 403,
  OWN_PROPOSAL: 403,
  ALREADY_DECIDED: 409,
  NOT_IN_COMPENSATION: 422,
  NO_AMOUNT: 422,
};

/** The only place a case changes column or gets an approval decision: the shared workflow decides. */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly cases: CasesService,
    private readonly timeline: TimelineService,
    private readonly approvalPolicy: ApprovalPolicyService,
  ) {}

  async move(idOrNumber: string, input: MoveInput, context: ChangeContext): Promise<CaseDetail> {
    return this.timeline.inTransaction({ actor: context.user, requestId: context.requestId }, async (manager, record) => {
      const id = await this.cases.resolveId(idOrNumber, manager);
      const current = await this.cases.lockForChange(manager, id, input.version);
      const policy = await this.approvalPolicy.get(manager);
      const evaluation = evaluateMove({ caseState: current, to: input.to, actor: context.user, reason: input.reason, policy });
      if (!evaluation.ok) {
        const details = { from: current.column, to: input.to };
        if (evaluation.error === 'ROLE_NOT_ALLOWED') throw new DomainError('ROLE_NOT_ALLOWED', 403, details);
        if (evaluation.error === 'NOT_A_MOVE') throw new DomainError('NOT_A_MOVE', 422, details);
        throw new DomainError('TRANSITION_REFUSED', 422, details, {
          fields: { missing: evaluation.missing },
          messages: {
            'zh-CN': `无法移动：${describeMissingFacts(evaluation.missing, 'zh-CN')}`,
            en: `The case cannot move yet: ${describeMissingFacts(evaluation.missing, 'en')}`,
          },
        });
      }

      const sendsBackForNewDecision = evaluation.kind === 'rejection' || (evaluation.kind === 'reopen' && input.to === 'compensation');
      if (sendsBackForNewDecision) await voidApprovals(manager, id);
      await manager.update(CaseEntity, id, {
        column: input.to,
        columnEnteredAt: new Date(),
        updatedAt: new Date(),
        version: current.version + 1,
        // A reopened case needs a new follow-up call once it comes back round.
        ...(evaluation.kind === 'reopen' ? { reopenCount: current.reopenCount + 1, followUp: {} } : {}),
      });
      record({
        caseId: id,
        type: 'case.moved',
        data: { from: current.column, to: input.to, kind: evaluation.kind, version: current.version + 1, ...(input.reason ? { reason: input.reason } : {}) },
      });
      return this.cases.loadDetail(manager, id);
    });
  }

  async decide(idOrNumber: string, input: ApprovalInput, context: ChangeContext): Promise<CaseDetail> {
    return this.timeline.inTransaction({ actor: context.user, requestId: context.requestId }, async (manager, record) => {
      const id = await this.cases.resolveId(idOrNumber, manager);
      await manager.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [id]);
      const current = await this.cases.loadDetail(manager, id);
      const policy = await this.approvalPolicy.get(manager);
      const permission = canApprove(context.user, current, policy);
      if (!permission.ok) {
        throw new DomainError('APPROVAL_NOT_ALLOWED', APPROVAL_REFUSAL_STATUS[permission.reason], { reason: permission.reason });
      }
      // The approver decides on the amount they saw; if it changed meanwhile, they must look again.
      if (Math.round(input.amount * 100) !== Math.round((current.compensation.amount ?? 0) * 100)) {
        throw new DomainError('AMOUNT_CHANGED', 409, { current });
      }
      const approval = await manager.save(
        manager.create(CaseApprovalEntity, {
          caseId: id,
          approverId: context.user.id,
          approverRole: context.user.role,
          decision: input.decision,
          amount: input.amount,
          reason: input.reason ?? null,
        }),
      );
      await manager.update(CaseEntity, id, { version: current.version + 1, updatedAt: new Date() });
      const updated = await this.cases.loadDetail(manager, id);
      const status = approvalStatus(updated, policy);
      record({
        caseId: id,
        type: 'approval.decided',
        data: {
          approvalId: approval.id,
          decision: input.decision,
          amount: input.amount,
          role: context.user.role,
          version: updated.version,
          complete: status.complete,
          missing: status.missing,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      });
      return updated;
    });
  }
}

async function voidApprovals(manager: EntityManager, caseId: string): Promise<void> {
  await manager.query('UPDATE case_approvals SET voided_at = now() WHERE case_id = $1 AND voided_at IS NULL', [caseId]);
}
