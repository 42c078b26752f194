import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { approvalPolicySchema, type ApprovalPolicy, type UserSummary } from '@app/shared';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApprovalPolicyService } from './approval-policy.service.js';
import { answerWithETag, expectedVersion, VersionedRead, VersionedWrite } from './setting-etag.js';

@Controller('settings')
export class SettingsController {
  constructor(private readonly approvalPolicy: ApprovalPolicyService) {}

  @Get('approval-policy')
  @VersionedRead()
  async getApprovalPolicy(@Res({ passthrough: true }) response: Response): Promise<ApprovalPolicy> {
    return answerWithETag(response, await this.approvalPolicy.getVersioned());
  }

  /** With If-Match (the GET's ETag), a policy changed since answers 409 VERSION_CONFLICT with the current one. */
  @Put('approval-policy')
  @VersionedWrite()
  @Roles('admin')
  async setApprovalPolicy(
    @Body(new ZodValidationPipe(approvalPolicySchema)) policy: ApprovalPolicy,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() admin: UserSummary,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApprovalPolicy> {
    return answerWithETag(response, await this.approvalPolicy.set(policy, admin, expectedVersion(ifMatch)));
  }
}
