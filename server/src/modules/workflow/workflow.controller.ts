import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  approvalInputSchema,
  moveInputSchema,
  type ApprovalInput,
  type CaseDetail,
  type MoveInput,
  type UserSummary,
} from '@app/shared';
import { RequestId } from '../../common/http/request-id.js';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { WorkflowService } from './workflow.service.js';

@Controller('cases/:id')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  /** The only way a case changes column. */
  @Post('transitions')
  @HttpCode(200)
  move(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(moveInputSchema)) input: MoveInput,
    @CurrentUser() user: UserSummary,
    @RequestId() requestId: string,
  ): Promise<CaseDetail> {
    return this.workflow.move(id, input, { user, requestId });
  }

  @Post('approvals')
  @HttpCode(201)
  decide(
    @Param('id') id: string,
    @Body(new ZodValidationPipe(approvalInputSchema)) input: ApprovalInput,
    @CurrentUser() user: UserSummary,
    @RequestId() requestId: string,
  ): Promise<CaseDetail> {
    return this.workflow.decide(id, input, { user, requestId });
  }
}
