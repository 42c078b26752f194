import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module.js';
import { BoardController } from './board.controller.js';
import { BoardService } from './board.service.js';
import { CaseCardsRepository } from './case-cards.repository.js';

@Module({
  imports: [SlaModule],
  controllers: [BoardController],
  providers: [BoardService, CaseCardsRepository],
  exports: [BoardService],
})
export class BoardModule {}
