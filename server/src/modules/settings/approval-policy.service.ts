import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { approvalPolicySchema, DEFAULT_APPROVAL_POLICY, type ApprovalPolicy, type UserSummary } from '@app/shared';
import { SettingEntity } from './setting.entity.js';

const APPROVAL_POLICY_KEY = 'approval_policy';

/** The authority tiers for compensation; admin-editable, the procedures' limits by default. */
@Injectable()
export class ApprovalPolicyService {
  constructor(private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<ApprovalPolicy> {
    const stored = await manager.findOneBy(SettingEntity, { key: APPROVAL_POLICY_KEY });
    return stored ? approvalPolicySchema.parse(stored.value) : DEFAULT_APPROVAL_POLICY;
  }

  async set(policy: ApprovalPolicy, admin: UserSummary): Promise<ApprovalPolicy> {
    await this.dataSource.query(
      `INSERT INTO settings (key, value, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [APPROVAL_POLICY_KEY, policy, admin.id],
    );
    return policy;
  }
}
