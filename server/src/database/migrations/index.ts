import { CreateCases1763900000000 } from './1763900000000-create-cases.js';
import { CommentsAndEvidence1763900000300 } from './1763900000300-comments-and-evidence.js';

/** In order. Listed, not globbed, so dist, tests and tools see the same set. */
export const migrations = [CreateCases1763900000000, CommentsAndEvidence1763900000300];
