import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApprovalDecision, Role } from '@app/shared';
import { numericTransformer } from '../../common/database/numeric.transformer.js';

@Entity({ name: 'case_approvals' })
export class CaseApprovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'approver_id', type: 'uuid' })
  approverId: string;

  @Column({ name: 'approver_role', type: 'text' })
  approverRole: Role;

  @Column({ type: 'text' })
  decision: ApprovalDecision;

  @Column({ type: 'numeric', transformer: numericTransformer })
  amount: number;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Column({ name: 'voided_at', type: 'timestamptz', nullable: true })
  voidedAt: Date | null;
}
