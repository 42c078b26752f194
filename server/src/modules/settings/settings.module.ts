import { Module } from '@nestjs/common';
import { ApprovalPolicyService } from './approval-policy.service.js';
import { SettingsController } from './settings.controller.js';

@Module({ controllers: [SettingsController], providers: [ApprovalPolicyService], exports: [ApprovalPolicyService] })
export class SettingsModule {}
