import { Body, Controller, Get, Put } from '@nestjs/common';
import { approvalPolicySchema, type ApprovalPolicy, type UserSummary } from '@app/shared';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApprovalPolicyService } from './approval-policy.service.js';

@Controller('settings')
export class SettingsController {
  constructor(private readonly approvalPolicy: ApprovalPolicyService) {}

  @Get('approval-policy')
  getApprovalPolicy(): Promise<ApprovalPolicy> {
    return this.approvalPolicy.get();
  }

  @Put('approval-policy')
  @Roles('admin')
  setApprovalPolicy(
    @Body(new ZodValidationPipe(approvalPolicySchema)) policy: ApprovalPolicy,
    @CurrentUser() admin: UserSummary,
  ): Promise<ApprovalPolicy> {
    return this.approvalPolicy.set(policy, admin);
  }
}
