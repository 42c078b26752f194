import { Module } from '@nestjs/common';
import { BoardModule } from '../board/board.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { TimelineModule } from '../timeline/timeline.module.js';
import { CaseTimelineController } from './case-timeline.controller.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [TimelineModule, CustomersModule, BoardModule],
  controllers: [CasesController, CaseTimelineController],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
