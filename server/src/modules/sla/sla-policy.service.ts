import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_SLA_POLICY, slaPolicySchema, type SlaPolicy, type UserSummary } from '@app/shared';
import { SettingEntity } from '../settings/setting.entity.js';
import { VersionedSettingStore, type VersionedSetting } from '../settings/setting-versions.js';

const SLA_POLICY_KEY = 'sla_policy';

/** Response and resolution targets per severity; admin-editable, the procedures' promises by default. */
@Injectable()
export class SlaPolicyService {
  private readonly versioned: VersionedSettingStore<SlaPolicy>;

  constructor(private readonly dataSource: DataSource) {
    this.versioned = new VersionedSettingStore(dataSource, SLA_POLICY_KEY, slaPolicySchema, DEFAULT_SLA_POLICY);
  }

  async get(manager: EntityManager = this.dataSource.manager): Promise<SlaPolicy> {
    const stored = await manager.findOneBy(SettingEntity, { key: SLA_POLICY_KEY });
    return stored ? slaPolicySchema.parse(stored.value) : DEFAULT_SLA_POLICY;
  }

  /** For the settings page: the policy with the version a save must name. */
  getVersioned(): Promise<VersionedSetting<SlaPolicy>> {
    return this.versioned.read();
  }

  /** `expected`: the version the admin read (If-Match); null saves over whatever is stored. */
  set(policy: SlaPolicy, admin: UserSummary, expected: string | null): Promise<VersionedSetting<SlaPolicy>> {
    return this.versioned.save(policy, admin.id, expected);
  }
}
