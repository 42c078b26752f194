import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  approvalStatus,
  canApprove,
  describeMissingFacts,
  evaluateMove,
  type Approval,
  type ApprovalInput,
  type ApprovalRefusal,
  type CaseDetail,
  type MoveInput,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import type { ChangeContext } from '../cases/case-context.js';
import { CasesService } from '../cases/cases.service.js';
import { approvalJson } from '../cases/case-detail.sql.js';
import { ApprovalPolicyService } from '../settings/approval-policy.service.js';
import { TimelineService } from '../timeline/timeline.service.js';

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
      const current = await this.cases.lockForChange(manager, idOrNumber, input.version);
      const id = current.id;
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
      const approvals = sendsBackForNewDecision ? await voidApprovals(manager, current) : current.approvals;
      const movedAt = new Date();
      const reopens = evaluation.kind === 'reopen';
      // A reopened case needs a new follow-up call once it comes back round.
      const reopened = reopens ? { reopenCount: current.reopenCount + 1, followUp: {} } : {};
      await manager.query(
        `UPDATE cases SET board_column = $2, column_entered_at = $3, updated_at = $3, version = $4,
           reopen_count = CASE WHEN $5 THEN reopen_count + 1 ELSE reopen_count END,
           follow_up = CASE WHEN $5 THEN '{}' ELSE follow_up END
         WHERE id = $1`,
        [id, input.to, movedAt, current.version + 1, reopens],
      );
      record({
        caseId: id,
        type: 'case.moved',
        data: { from: current.column, to: input.to, kind: evaluation.kind, version: current.version + 1, ...(input.reason ? { reason: input.reason } : {}) },
      });
      // The locked row plus what this transaction wrote: no need to read the case back.
      return { ...current, ...reopened, column: input.to, approvals, updatedAt: movedAt.toISOString(), version: current.version + 1 };
    });
  }

  async decide(idOrNumber: string, input: ApprovalInput, context: ChangeContext): Promise<CaseDetail> {
    return this.timeline.inTransaction({ actor: context.user, requestId: context.requestId }, async (manager, record) => {
      const current = await this.cases.lock(manager, idOrNumber);
      const id = current.id;
      const policy = await this.approvalPolicy.get(manager);
      const permission = canApprove(context.user, current, policy);
      if (!permission.ok) {
        throw new DomainError('APPROVAL_NOT_ALLOWED', APPROVAL_REFUSAL_STATUS[permission.reason], { reason: permission.reason });
      }
      // The approver decides on the amount they saw; if it changed meanwhile, they must look again.
      if (Math.round(input.amount * 100) !== Math.round((current.compensation.amount ?? 0) * 100)) {
        throw new DomainError('AMOUNT_CHANGED', 409, { current });
      }
      const [{ approval }]: { approval: Approval }[] = await manager.query(
        `INSERT INTO case_approvals AS a (case_id, approver_id, approver_role, decision, amount, reason)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${approvalJson('a')} AS approval`,
        [id, context.user.id, context.user.role, input.decision, input.amount, input.reason ?? null],
      );
      const decidedAt = new Date();
      await manager.query('UPDATE cases SET version = $2, updated_at = $3 WHERE id = $1', [id, current.version + 1, decidedAt]);
      const updated: CaseDetail = {
        ...current,
        approvals: inDecisionOrder([...current.approvals, approval]),
        updatedAt: decidedAt.toISOString(),
        version: current.version + 1,
      };
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

/** Voids the case's standing approvals; returns its approvals as they now are. */
async function voidApprovals(manager: EntityManager, current: CaseDetail): Promise<Approval[]> {
  // TypeORM answers an UPDATE with [rows, row count].
  const [voided]: [{ approval: Approval }[], number] = await manager.query(
    `UPDATE case_approvals AS a SET voided_at = now() WHERE case_id = $1 AND voided_at IS NULL RETURNING ${approvalJson('a')} AS approval`,
    [current.id],
  );
  const byId = new Map(voided.map(({ approval }) => [approval.id, approval]));
  return current.approvals.map((approval) => byId.get(approval.id) ?? approval);
}

/**
 * As the case detail lists them (by decision time). A transaction's now() is when it began, so
 * one that waited on the case lock can be older than approvals committed meanwhile.
 */
function inDecisionOrder(approvals: Approval[]): Approval[] {
  return approvals.sort((a, b) => (a.decidedAt < b.decidedAt ? -1 : a.decidedAt > b.decidedAt ? 1 : 0));
}
