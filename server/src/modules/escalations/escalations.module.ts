import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module.js';
import { EscalationsController } from './escalations.controller.js';
import { EscalationsRepository } from './escalations.repository.js';
import { EscalationsService } from './escalations.service.js';

@Module({
  imports: [SlaModule],
  controllers: [EscalationsController],
  providers: [EscalationsService, EscalationsRepository],
})
export class EscalationsModule {}
