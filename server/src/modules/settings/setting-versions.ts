import type { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';

/** A setting with the version a save must name, so that two admins never overwrite each other unseen. */
export interface VersionedSetting<T> {
  value: T;
  /** An HTTP entity tag: the GET's `ETag`, the PUT's `If-Match`. */
  version: string;
}

/**
 * The version is the row's last write to the microsecond; every write moves it on by at least a
 * microsecond (see `writeSetting`), so no two saves share one. A setting never saved (the
 * defaults) is version "0".
 */
const VERSION_SQL = `'"' || (extract(epoch FROM updated_at) * 1000000)::bigint || '"'`;
const DEFAULTS_VERSION = '"0"';

/**
 * Stores `value` as saved by `adminId` if `expected` is still the stored version; `expected` null (no
 * If-Match, e.g. a script) stores it whatever is there. Answers the new version, or null when stale.
 * A concurrent save waits for the row lock and then finds the version moved, so one of two wins.
 */
async function writeSetting(dataSource: DataSource, key: string, value: unknown, adminId: string, expected: string | null): Promise<string | null> {
  const advance = `updated_at = greatest(now(), settings.updated_at + interval '1 microsecond')`;
  const [row]: { version: string }[] =
    expected === null
      ? await dataSource.query(
          `INSERT INTO settings (key, value, updated_by) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, ${advance}
           RETURNING ${VERSION_SQL} AS version`,
          [key, value, adminId],
        )
      : await dataSource.query(
          `WITH updated AS (
             UPDATE settings SET value = $2, updated_by = $3, ${advance}
             WHERE key = $1 AND ${VERSION_SQL} = $4
             RETURNING ${VERSION_SQL} AS version
           ), inserted AS (
             INSERT INTO settings (key, value, updated_by) SELECT $1, $2, $3 WHERE $4 = '${DEFAULTS_VERSION}'
             ON CONFLICT (key) DO NOTHING
             RETURNING ${VERSION_SQL} AS version
           )
           SELECT version FROM updated UNION ALL SELECT version FROM inserted`,
          [key, value, adminId, expected],
        );
  return row?.version ?? null;
}

/**
 * One admin-editable setting, read with its version and saved only over the version it was read
 * at; a stale save is refused with 409 VERSION_CONFLICT carrying what is stored now, for the
 * admin to review before saving again.
 */
export class VersionedSettingStore<T> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: string,
    private readonly schema: { parse(value: unknown): T },
    private readonly defaults: T,
  ) {}

  async read(): Promise<VersionedSetting<T>> {
    const [row]: VersionedSetting<unknown>[] = await this.dataSource.query(
      `SELECT value, ${VERSION_SQL} AS version FROM settings WHERE key = $1`,
      [this.key],
    );
    return row ? { value: this.schema.parse(row.value), version: row.version } : { value: this.defaults, version: DEFAULTS_VERSION };
  }

  /** `expected`: the version the admin read (If-Match); null saves over whatever is stored. */
  async save(value: T, adminId: string, expected: string | null): Promise<VersionedSetting<T>> {
    const version = await writeSetting(this.dataSource, this.key, value, adminId, expected);
    if (version !== null) return { value, version };
    const current = await this.read();
    throw new DomainError('VERSION_CONFLICT', 409, { current: current.value, version: current.version }, {
      messages: {
        'zh-CN': '此设置已被其他管理员修改，请查看最新内容后再保存',
        en: 'Another administrator changed this setting meanwhile; review it and save again',
      },
    });
  }
}
