import type { DataSource } from 'typeorm';
import type { Department, Role } from '@app/shared';
import { hashPassword } from '../../modules/auth/password-hashing.js';

/** Every demo account's password; listed in the README. */
export const DEMO_PASSWORD = 'demo1234';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  department: Department;
}

/** One account per role under an obvious name, then colleagues so owner pickers look like a real company. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'agent', displayName: '王晓燕', role: 'cs_agent', department: 'customer_service' },
  { username: 'supervisor', displayName: '李建国', role: 'cs_supervisor', department: 'customer_service' },
  { username: 'quality', displayName: '张敏', role: 'quality_investigator', department: 'quality' },
  { username: 'operations', displayName: '刘强', role: 'operations', department: 'operations' },
  { username: 'legal', displayName: '陈静', role: 'legal', department: 'legal' },
  { username: 'head', displayName: '赵志刚', role: 'department_head', department: 'management' },
  { username: 'admin', displayName: '孙丽', role: 'admin', department: 'administration' },
  { username: 'zhoujie', displayName: '周杰', role: 'cs_agent', department: 'customer_service' },
  { username: 'wufang', displayName: '吴芳', role: 'cs_agent', department: 'customer_service' },
  { username: 'zhengyu', displayName: '郑宇', role: 'cs_agent', department: 'customer_service' },
  { username: 'huanglei', displayName: '黄磊', role: 'cs_supervisor', department: 'customer_service' },
  { username: 'maxiaoli', displayName: '马晓丽', role: 'quality_investigator', department: 'quality' },
  { username: 'hejun', displayName: '何军', role: 'quality_investigator', department: 'quality' },
  { username: 'guowei', displayName: '郭伟', role: 'operations', department: 'operations' },
  { username: 'linhai', displayName: '林海', role: 'operations', department: 'operations' },
  { username: 'luoping', displayName: '罗萍', role: 'operations', department: 'operations' },
  { username: 'xuming', displayName: '徐明', role: 'legal', department: 'legal' },
  { username: 'gaofeng', displayName: '高峰', role: 'department_head', department: 'management' },
  { username: 'songyan', displayName: '宋艳', role: 'department_head', department: 'management' },
];

/** Creates the demo accounts that do not exist yet; returns how many it created. */
export async function seedDemoUsers(dataSource: DataSource): Promise<number> {
  const existing = (await dataSource.query('SELECT lower(username) AS username FROM users WHERE lower(username) = ANY($1)', [
    DEMO_USERS.map((user) => user.username),
  ])) as { username: string }[];
  const taken = new Set(existing.map((row) => row.username));
  const missing = DEMO_USERS.filter((user) => !taken.has(user.username));
  if (missing.length === 0) return 0;

  // One argon2 hash for all of them: hashing nineteen times would add seconds to every first start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const inserted = (await dataSource.query(
    `INSERT INTO users (username, display_name, role, department, password_hash)
     SELECT username, display_name, role, department, $5
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS seed (username, display_name, role, department)
     ON CONFLICT ((lower(username))) DO NOTHING
     RETURNING id`,
    [
      missing.map((user) => user.username),
      missing.map((user) => user.displayName),
      missing.map((user) => user.role),
      missing.map((user) => user.department),
      passwordHash,
    ],
  )) as unknown[];
  return inserted.length;
}
