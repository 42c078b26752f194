import { Body, Controller, Get, Put } from '@nestjs/common';
import { slaPolicySchema, type SlaPolicy, type UserSummary } from '@app/shared';
import { ZodValidationPipe } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { SlaPolicyService } from './sla-policy.service.js';

@Controller('settings')
export class SlaPolicyController {
  constructor(private readonly slaPolicy: SlaPolicyService) {}

  /** Every signed-in user reads it: cards count down against it. */
  @Get('sla-policy')
  get(): Promise<SlaPolicy> {
    return this.slaPolicy.get();
  }

  @Put('sla-policy')
  @Roles('admin')
  set(@Body(new ZodValidationPipe(slaPolicySchema)) policy: SlaPolicy, @CurrentUser() admin: UserSummary): Promise<SlaPolicy> {
    return this.slaPolicy.set(policy, admin);
  }
}
