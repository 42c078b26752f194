import { CaseEntity } from '../modules/cases/case.entity.js';
import { CustomerEntity } from '../modules/customers/customer.entity.js';
import { SettingEntity } from '../modules/settings/setting.entity.js';
import { CaseEventEntity } from '../modules/timeline/case-event.entity.js';
import { CaseApprovalEntity } from '../modules/workflow/case-approval.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

/** Every entity, listed rather than globbed so dist, tests and tools see the same set. */
export const entities = [
  CaseEntity,
  UserEntity,
  SessionEntity,
  CustomerEntity,
  CaseApprovalEntity,
  CaseEventEntity,
  SettingEntity,
];
