import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { approvalPolicySchema, DEFAULT_APPROVAL_POLICY, type ApprovalPolicy, type UserSummary } from '@app/shared';

const APPROVAL_POLICY_KEY = 'approval_policy';

/** The authority tiers for compensation; admin-editable, the procedures' limits by default. */
@Injectable()
export class ApprovalPolicyService {
  /** The last stored text parsed, and what it parsed to (null: nothing stored, the defaults). */
  private parsed: { stored: string | null; policy: ApprovalPolicy } = { stored: null, policy: DEFAULT_APPROVAL_POLICY };

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Read in the caller's transaction on every call, so a change made through any instance holds
   * from the next move on; only parsing and validating is skipped while the stored text is unchanged.
   */
  async get(manager: EntityManager = this.dataSource.manager): Promise<ApprovalPolicy> {
    const [row]: { value: string }[] = await manager.query('SELECT value::text AS value FROM settings WHERE key = $1', [APPROVAL_POLICY_KEY]);
    const stored = row?.value ?? null;
    if (stored !== this.parsed.stored) {
      this.parsed = { stored, policy: stored === null ? DEFAULT_APPROVAL_POLICY : approvalPolicySchema.parse(JSON.parse(stored)) };
    }
    return this.parsed.policy;
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
