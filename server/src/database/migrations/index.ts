import { CreateCases1763900000000 } from './1763900000000-create-cases.js';

/** In order. Listed, not globbed, so dist, tests and tools see the same set. */
export const migrations = [CreateCases1763900000000];
