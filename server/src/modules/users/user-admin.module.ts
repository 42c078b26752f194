import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { UserAdminController } from './user-admin.controller.js';
import { UserAdminService } from './user-admin.service.js';
import { UsersModule } from './users.module.js';

/** Apart from UsersModule because it ends sessions, and AuthModule itself depends on UsersModule. */
@Module({
  imports: [UsersModule, AuthModule],
  controllers: [UserAdminController],
  providers: [UserAdminService],
})
export class UserAdminModule {}
