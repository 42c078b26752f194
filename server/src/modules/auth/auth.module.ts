import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionEndings } from './session-endings.js';
import { SessionEntity } from './session.entity.js';
import { SessionGuard } from './session.guard.js';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), UsersModule],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, SessionEndings, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [AuthService, SessionEndings],
})
export class AuthModule {}
