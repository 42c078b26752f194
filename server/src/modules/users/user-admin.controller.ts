import { Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import {
  createUserInputSchema,
  resetPasswordInputSchema,
  updateUserInputSchema,
  type CreateUserInput,
  type ResetPasswordInput,
  type UpdateUserInput,
  type UserAccount,
} from '@app/shared';
import { ZodBody, ZodParam } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser, type SessionUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { UserAdminService } from './user-admin.service.js';

@Controller('users')
@Roles('admin')
export class UserAdminController {
  constructor(private readonly admin: UserAdminService) {}

  @Post()
  create(@ZodBody(createUserInputSchema) input: CreateUserInput): Promise<UserAccount> {
    return this.admin.create(input);
  }

  @Patch(':id')
  update(
    @ZodParam('id', z.uuid()) id: string,
    @ZodBody(updateUserInputSchema) changes: UpdateUserInput,
    @CurrentUser() admin: SessionUser,
  ): Promise<UserAccount> {
    return this.admin.update(admin, id, changes);
  }

  @Post(':id/password')
  @HttpCode(204)
  resetPassword(@ZodParam('id', z.uuid()) id: string, @ZodBody(resetPasswordInputSchema) input: ResetPasswordInput): Promise<void> {
    return this.admin.resetPassword(id, input);
  }
}
