import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  createCaseInputSchema,
  updateCaseInputSchema,
  type CaseCard,
  type CaseDetail,
  type CreateCaseInput,
  type UpdateCaseInput,
  type UserSummary,
} from '@app/shared';
import { RequestId } from '../../common/http/request-id.js';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CasesService } from './cases.service.js';

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
