import { Controller, Get, Param } from '@nestjs/common';
import type { TimelineEntry, TimelineVerification } from '@app/shared';
import { TimelineService } from '../timeline/timeline.service.js';
import { CasesService } from './cases.service.js';

@Controller('cases/:id/timeline')
export class CaseTimelineController {
  constructor(
    private readonly cases: CasesService,
    private readonly timeline: TimelineService,
  ) {}

  @Get()
  async list(@Param('id') id: string): Promise<TimelineEntry[]> {
    return this.timeline.list(await this.cases.resolveId(id));
  }

  /** For legal: proves the case's history has not been altered since it was written. */
  @Get('verify')
  async verify(@Param('id') id: string): Promise<TimelineVerification> {
    return this.timeline.verify(await this.cases.resolveId(id));
  }
}
