import { CaseNumbering1763900000000 } from './1763900000000-case-numbering.js';
import { CaseModel1763900000200 } from './1763900000200-case-model.js';
import { CreateUsersAndSessions1763900000100 } from './1763900000100-create-users-and-sessions.js';
import { CommentsAndEvidence1763900000300 } from './1763900000300-comments-and-evidence.js';
import { BoardSearchSlaViews1763900000500 } from './1763900000500-board-search-sla-views.js';
import { SocketIoAttachments1763900000400 } from './1763900000400-socket-io-attachments.js';
import { SlaAnnouncements1763900000600 } from './1763900000600-sla-announcements.js';
import { CasesIntakeTimeIndex1763900000750 } from './1763900000750-cases-intake-time-index.js';

/** In order. Listed, not globbed, so dist, tests and tools see the same set. */
export const migrations = [CaseNumbering1763900000000, CreateUsersAndSessions1763900000100, CaseModel1763900000200, CommentsAndEvidence1763900000300, SocketIoAttachments1763900000400, BoardSearchSlaViews1763900000500, SlaAnnouncements1763900000600, CasesIntakeTimeIndex1763900000750];
