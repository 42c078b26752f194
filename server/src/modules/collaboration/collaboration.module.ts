import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { TimelineModule } from '../timeline/timeline.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsService } from './comments.service.js';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceService } from './evidence.service.js';

/** Working together on a case: comments with @mentions and evidence attachments, both on the timeline. */
@Module({
  imports: [CasesModule, TimelineModule],
  controllers: [CommentsController, EvidenceController],
  providers: [CommentsService, EvidenceService],
})
export class CollaborationModule {}
