import { Injectable } from '@nestjs/common';
import type { CreateUserInput, ResetPasswordInput, UpdateUserInput, UserAccount, UserSummary } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { AuthService } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password-hashing.js';
import { UsersService } from './users.service.js';

/** The admin's user management: accounts come and go, and their sessions with them. */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  async create(input: CreateUserInput): Promise<UserAccount> {
    const { password, ...user } = input;
    return this.users.create({ ...user, passwordHash: await hashPassword(password) });
  }

  /**
   * An admin can neither deactivate nor demote themselves, so there is always an admin left to
   * undo a mistake. A deactivated user is signed out everywhere at once; so is one whose role or
   * department changes, because open sockets decide what their user may follow by those two.
   */
  async update(admin: UserSummary, id: string, changes: UpdateUserInput): Promise<UserAccount> {
    if (id === admin.id && changes.active === false) throw new DomainError('CANNOT_DEACTIVATE_SELF', 422);
    if (id === admin.id && changes.role !== undefined && changes.role !== 'admin') throw new DomainError('CANNOT_DEMOTE_SELF', 422);
    const before = await this.users.findAccount(id);
    const after = await this.users.update(id, changes);
    const signOut = !after.active || after.role !== before.role || after.department !== before.department;
    if (signOut) await this.auth.endSessionsOf(id);
    return after;
  }

  /** For a forgotten password: whoever knew the old one is signed out. */
  async resetPassword(id: string, input: ResetPasswordInput): Promise<void> {
    await this.users.setPasswordHash(id, await hashPassword(input.password));
    await this.auth.endSessionsOf(id);
  }
}
