import { Module } from '@nestjs/common';
import { SlaPolicyController } from './sla-policy.controller.js';
import { SlaPolicyService } from './sla-policy.service.js';

@Module({ controllers: [SlaPolicyController], providers: [SlaPolicyService], exports: [SlaPolicyService] })
export class SlaModule {}
