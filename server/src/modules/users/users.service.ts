import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsWhere, Repository } from 'typeorm';
import type { CreateUserInput, UpdateUserInput, UserAccount, UserSummary } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { UserEntity } from './user.entity.js';

const UNIQUE_VIOLATION = '23505';

export type NewUser = Omit<CreateUserInput, 'password'> & { passwordHash: string };

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Everyone who can be picked as an owner or @mentioned; with `includeInactive`, every account there is. */
  async list({ includeInactive = false } = {}): Promise<UserAccount[]> {
    const where: FindOptionsWhere<UserEntity> = includeInactive ? {} : { active: true };
    const rows = await this.users.find({ where, order: { department: 'ASC', username: 'ASC' } });
    return rows.map(toUserAccount);
  }

  async findAccount(id: string): Promise<UserAccount> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new DomainError('USER_NOT_FOUND', 404);
    return toUserAccount(user);
  }

  /** The active user with this username (any case), including the password hash that is otherwise never loaded. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .andWhere('user.active')
      .getOne();
  }

  /** Usernames are unique regardless of case (a unique index on lower(username)): a clash is 409 USERNAME_TAKEN. */
  async create(user: NewUser): Promise<UserAccount> {
    try {
      const saved = await this.users.save(this.users.create({ ...user, active: true }));
      return toUserAccount(saved);
    } catch (error) {
      if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
        throw new DomainError('USERNAME_TAKEN', 409, { username: user.username });
      }
      throw error;
    }
  }

  async update(id: string, changes: UpdateUserInput): Promise<UserAccount> {
    await this.users.update({ id }, changes);
    return this.findAccount(id);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    const { affected } = await this.users.update({ id }, { passwordHash });
    if (!affected) throw new DomainError('USER_NOT_FOUND', 404);
  }
}

export function toUserSummary(user: UserEntity): UserSummary {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    department: user.department,
  };
}

function toUserAccount(user: UserEntity): UserAccount {
  return { ...toUserSummary(user), active: user.active };
}
