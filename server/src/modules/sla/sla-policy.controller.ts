import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { slaPolicySchema, type SlaPolicy, type UserSummary } from '@app/shared';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { answerWithETag, expectedVersion, VersionedRead, VersionedWrite } from '../settings/setting-etag.js';
import { SlaPolicyService } from './sla-policy.service.js';

@Controller('settings')
export class SlaPolicyController {
  constructor(private readonly slaPolicy: SlaPolicyService) {}

  /** Every signed-in user reads it: cards count down against it. */
  @Get('sla-policy')
  @VersionedRead()
  async get(@Res({ passthrough: true }) response: Response): Promise<SlaPolicy> {
    return answerWithETag(response, await this.slaPolicy.getVersioned());
  }

  /** With If-Match (the GET's ETag), a policy changed since answers 409 VERSION_CONFLICT with the current one. */
  @Put('sla-policy')
  @VersionedWrite()
  @Roles('admin')
  async set(
    @Body(new ZodValidationPipe(slaPolicySchema)) policy: SlaPolicy,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() admin: UserSummary,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SlaPolicy> {
    return answerWithETag(response, await this.slaPolicy.set(policy, admin, expectedVersion(ifMatch)));
  }
}
