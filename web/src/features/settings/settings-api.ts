import type { ApprovalPolicy, SlaPolicy } from '@app/shared';
import { apiExchange } from '../../app/api-client.js';

/** A setting as read, with the version (its `ETag`) a save must name so that it never overwrites a change unseen. */
export interface VersionedSetting<T> {
  value: T;
  version: string | null;
}

/** What a 409 VERSION_CONFLICT on a setting carries: what another admin saved meanwhile. */
export interface SettingConflictDetails<T> {
  current: T;
  version: string;
}

export interface SettingEndpoint<T> {
  read(): Promise<VersionedSetting<T>>;
  write(value: T, version: string | null): Promise<VersionedSetting<T>>;
}

function settingEndpoint<T>(path: string): SettingEndpoint<T> {
  const versioned = ({ body, headers }: { body: T; headers: Headers }) => ({ value: body, version: headers.get('ETag') });
  return {
    read: async () => versioned(await apiExchange<T>(path)),
    write: async (value, version) =>
      versioned(
        await apiExchange<T>(path, {
          method: 'PUT',
          body: JSON.stringify(value),
          headers: version === null ? {} : { 'If-Match': version },
        }),
      ),
  };
}

export const approvalPolicyEndpoint = settingEndpoint<ApprovalPolicy>('/settings/approval-policy');
export const slaPolicyEndpoint = settingEndpoint<SlaPolicy>('/settings/sla-policy');
