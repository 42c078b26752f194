import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TimelineModule } from '../timeline/timeline.module.js';
import { WorkflowController } from './workflow.controller.js';
import { WorkflowService } from './workflow.service.js';

@Module({
  imports: [CasesModule, TimelineModule, SettingsModule],
  controllers: [WorkflowController],
  providers: [WorkflowService],
})
export class WorkflowModule {}
