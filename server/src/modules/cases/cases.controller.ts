import { Controller, Get } from '@nestjs/common';
import type { CaseCard } from '@app/shared';
import { CasesService } from './cases.service.js';

@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  list(): Promise<CaseCard[]> {
    return this.cases.listCards();
  }
}
