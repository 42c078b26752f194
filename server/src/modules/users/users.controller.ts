import { Controller, Get } from '@nestjs/common';
import { listUsersQuerySchema, type ListUsersQuery, type UserAccount } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { ZodQuery } from '../../common/validation/zod-validation.pipe.js';
import { CurrentUser, type SessionUser } from '../auth/current-user.decorator.js';
import { UsersService } from './users.service.js';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** The active users, for owner pickers and @mentions; `?includeInactive=true` (admins only) lists every account. */
  @Get()
  list(@ZodQuery(listUsersQuerySchema) query: ListUsersQuery, @CurrentUser() user: SessionUser): Promise<UserAccount[]> {
    if (query.includeInactive && user.role !== 'admin') throw new DomainError('FORBIDDEN', 403);
    return this.users.list({ includeInactive: query.includeInactive });
  }
}
