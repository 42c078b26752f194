import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type {
  CaseColumn,
  Category,
  Channel,
  Claim,
  Compensation,
  CorrectiveAction,
  Department,
  Facts,
  FollowUp,
  Investigation,
  Severity,
} from '@app/shared';
import { numericTransformer } from '../../common/database/numeric.transformer.js';
import { CustomerEntity } from '../customers/customer.entity.js';

@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  number: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'board_column', type: 'text' })
  column: CaseColumn;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ type: 'text' })
  category: Category;

  @Column({ type: 'text' })
  severity: Severity;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => CustomerEntity)
  @JoinColumn({ name: 'customer_id' })
  customer?: CustomerEntity;

  @Column({ type: 'text' })
  waybill: string;

  @Column({ name: 'order_number', type: 'text', nullable: true })
  orderNumber: string | null;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  destination: string;

  @Column({ name: 'declared_value', type: 'numeric', nullable: true, transformer: numericTransformer })
  declaredValue: number | null;

  @Column({ type: 'jsonb' })
  facts: Facts;

  @Column({ type: 'jsonb' })
  claim: Claim;

  @Column({ type: 'jsonb' })
  investigation: Investigation;

  @Column({ type: 'jsonb' })
  compensation: Compensation;

  @Column({ name: 'compensation_proposed_by', type: 'uuid', nullable: true })
  compensationProposedBy: string | null;

  @Column({ name: 'corrective_action', type: 'jsonb' })
  correctiveAction: CorrectiveAction;

  @Column({ name: 'follow_up', type: 'jsonb' })
  followUp: FollowUp;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ name: 'owning_department', type: 'text' })
  owningDepartment: Department;

  @Column({ name: 'watcher_ids', type: 'uuid', array: true })
  watcherIds: string[];

  @Column({ name: 'reopen_count', type: 'integer' })
  reopenCount: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'column_entered_at', type: 'timestamptz' })
  columnEnteredAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
