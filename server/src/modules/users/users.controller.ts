import { Controller, Get } from '@nestjs/common';
import type { UserSummary } from '@app/shared';
import { UsersService } from './users.service.js';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(): Promise<UserSummary[]> {
    return this.users.listActive();
  }
}
