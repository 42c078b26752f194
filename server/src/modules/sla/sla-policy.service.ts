import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_SLA_POLICY, slaPolicySchema, type SlaPolicy, type UserSummary } from '@app/shared';
import { SettingEntity } from '../settings/setting.entity.js';

const SLA_POLICY_KEY = 'sla_policy';

/** Response and resolution targets per severity; admin-editable, the procedures' promises by default. */
@Injectable()
export class SlaPolicyService {
  constructor(private readonly dataSource: DataSource) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<SlaPolicy> {
    const stored = await manager.findOneBy(SettingEntity, { key: SLA_POLICY_KEY });
    return stored ? slaPolicySchema.parse(stored.value) : DEFAULT_SLA_POLICY;
  }

  async set(policy: SlaPolicy, admin: UserSummary): Promise<SlaPolicy> {
    await this.dataSource.query(
      `INSERT INTO settings (key, value, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [SLA_POLICY_KEY, policy, admin.id],
    );
    return policy;
  }
}
