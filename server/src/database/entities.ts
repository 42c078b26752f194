import { CaseEntity } from '../modules/cases/case.entity.js';

/** Every entity, listed rather than globbed so dist, tests and tools see the same set. */
export const entities = [CaseEntity];
