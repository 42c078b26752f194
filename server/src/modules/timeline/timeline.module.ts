import { Module } from '@nestjs/common';
import { CaseEventsBus } from './case-events.bus.js';
import { TimelineService } from './timeline.service.js';

@Module({ providers: [TimelineService, CaseEventsBus], exports: [TimelineService, CaseEventsBus] })
export class TimelineModule {}
