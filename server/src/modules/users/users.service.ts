import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { UserSummary } from '@app/shared';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Everyone who can be picked as an owner or @mentioned. */
  async listActive(): Promise<UserSummary[]> {
    const rows = await this.users.find({ where: { active: true }, order: { department: 'ASC', username: 'ASC' } });
    return rows.map(toUserSummary);
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
