import { Module } from '@nestjs/common';
import { TimelineModule } from '../timeline/timeline.module.js';
import { SlaPolicyController } from './sla-policy.controller.js';
import { SlaPolicyService } from './sla-policy.service.js';
import { SlaWatchRepository } from './sla-watch.repository.js';
import { SlaWatch } from './sla-watch.service.js';

@Module({
  imports: [TimelineModule],
  controllers: [SlaPolicyController],
  providers: [SlaPolicyService, SlaWatchRepository, SlaWatch],
  exports: [SlaPolicyService],
})
export class SlaModule {}
