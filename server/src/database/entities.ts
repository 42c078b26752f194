import { CaseEntity } from '../modules/cases/case.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

/** Every entity, listed rather than globbed so dist, tests and tools see the same set. */
export const entities = [CaseEntity, UserEntity, SessionEntity];
