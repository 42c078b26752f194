import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  createCaseInputSchema,
  shipmentSchema,
  updateCaseInputSchema,
  type CaseCard,
  type CaseDetail,
  type CreateCaseInput,
  type UpdateCaseInput,
  type UserSummary,
} from '@app/shared';
import { z } from 'zod';
import { RequestId } from '../../common/http/request-id.js';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CasesService, type OpenCaseSummary } from './cases.service.js';

const openByWaybillQuerySchema = z.strictObject({ waybill: shipmentSchema.shape.waybill });

@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  list(): Promise<CaseCard[]> {
    return this.cases.listCards();
  }

  @Post()
  @HttpCode(201)
  create(
    @Body(new ZodValidationPipe(createCaseInputSchema)) input: CreateCaseInput,
    @CurrentUser() user: UserSummary,
    @RequestId() requestId: string,
  ): Promise<CaseDetail> {
    return this.cases.create(input, { user, requestId });
  }

  /** Intake warns when the parcel already has an open case. Declared before `:id`, which would swallow it. */
  @Get('open-by-waybill')
  openByWaybill(@Query(new ZodValidationPipe(openByWaybillQuerySchema)) query: z.output<typeof openByWaybillQuerySchema>): Promise<OpenCaseSummary[]> {
    return this.cases.openByWaybill(query.waybill);
  }

  /** By id or by case number, so /cases/CP-20261123-0042 deep links resolve. */
  @Get(':id')
  get(@Param('id') id: string): Promise<CaseDetail> {
    return this.cases.get(id);
  }

  @Patch(':id')
  update(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(updateCaseInputSchema)) input: UpdateCaseInput,
    @CurrentUser() user: UserSummary,
    @RequestId() requestId: string,
  ): Promise<CaseDetail> {
    return this.cases.update(id, input, { user, requestId });
  }
}
