import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { approvalPolicySchema, DEFAULT_APPROVAL_POLICY, type ApprovalPolicy, type UserSummary } from '@app/shared';
import { VersionedSettingStore, type VersionedSetting } from './setting-versions.js';

const APPROVAL_POLICY_KEY = 'approval_policy';

/** The authority tiers for compensation; admin-editable, the procedures' limits by default. */
@Injectable()
export class ApprovalPolicyService {
  /** The last stored text parsed, and what it parsed to (null: nothing stored, the defaults). */
  private parsed: { stored: string | null; policy: ApprovalPolicy } = { stored: null, policy: DEFAULT_APPROVAL_POLICY };

  private readonly versioned: VersionedSettingStore<ApprovalPolicy>;

  constructor(private readonly dataSource: DataSource) {
    this.versioned = new VersionedSettingStore(dataSource, APPROVAL_POLICY_KEY, approvalPolicySchema, DEFAULT_APPROVAL_POLICY);
  }

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

  /** For the settings page: the policy with the version a save must name. */
  getVersioned(): Promise<VersionedSetting<ApprovalPolicy>> {
    return this.versioned.read();
  }

  /** `expected`: the version the admin read (If-Match); null saves over whatever is stored. */
  set(policy: ApprovalPolicy, admin: UserSummary, expected: string | null): Promise<VersionedSetting<ApprovalPolicy>> {
    return this.versioned.save(policy, admin.id, expected);
  }
}
