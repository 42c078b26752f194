import { Controller, Get, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { ESCALATION_VIEWER_ROLES, escalationsOverviewSchema, escalationsQuerySchema, type EscalationsOverview, type EscalationsQuery } from '@app/shared';
import { z } from 'zod';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { Roles } from '../auth/roles.decorator.js';
import { EscalationsService } from './escalations.service.js';

@Controller('escalations')
@Roles(...ESCALATION_VIEWER_ROLES)
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Get()
  @ApiOperation({
    summary: "The department heads' escalation view",
    description: `Open cases that are breached, in warning, or serious, most urgent first, with counts per department. For ${ESCALATION_VIEWER_ROLES.join(' and ')}.`,
  })
  // The document takes requests from the zod pipes; the answer is described from its shared schema too.
  @ApiOkResponse({ schema: z.toJSONSchema(escalationsOverviewSchema, { target: 'openapi-3.0' }) as SchemaObject })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: any other role' })
  overview(@Query(new ZodValidationPipe(escalationsQuerySchema)) query: EscalationsQuery): Promise<EscalationsOverview> {
    return this.escalations.overview(query);
  }
}
