import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Customer, CustomerInput } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error.js';
import { CustomerEntity } from './customer.entity.js';
import { phoneKey } from './phone-key.js';

export interface CustomerHistoryItem {
  id: string;
  number: string;
  title: string;
  column: string;
  category: string;
  createdAt: string;
}

@Injectable()
export class CustomersService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The customer with this phone, created on first contact. What the agent typed now is the
   * freshest contact information, so it replaces what was recorded before.
   */
  async upsertByPhone(manager: EntityManager, input: CustomerInput): Promise<CustomerEntity> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO customers (name, phone, phone_key, email, company, type)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (phone_key) DO UPDATE SET
         name = EXCLUDED.name,
         phone = EXCLUDED.phone,
         email = coalesce(EXCLUDED.email, customers.email),
         company = coalesce(EXCLUDED.company, customers.company),
         type = coalesce(EXCLUDED.type, customers.type),
         updated_at = now()
       RETURNING id`,
      [input.name, input.phone, phoneKey(input.phone), input.email ?? null, input.company ?? null, input.type ?? null],
    );
    return manager.findOneByOrFail(CustomerEntity, { id: row.id });
  }

  async findByPhone(phone: string): Promise<{ customer: Customer; cases: CustomerHistoryItem[] }> {
    const customer = await this.dataSource.getRepository(CustomerEntity).findOneBy({ phoneKey: phoneKey(phone) });
    if (!customer) throw new DomainError('CUSTOMER_NOT_FOUND', 404);
    return { customer: toCustomer(customer), cases: await this.history(customer.id) };
  }

  async history(customerId: string): Promise<CustomerHistoryItem[]> {
    const rows: { id: string; number: string; title: string; board_column: string; category: string; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT id, number, title, board_column, category, created_at FROM cases
         WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 100`,
        [customerId],
      );
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      title: row.title,
      column: row.board_column,
      category: row.category,
      createdAt: row.created_at.toISOString(),
    }));
  }
}

export function toCustomer(entity: CustomerEntity): Customer {
  return {
    id: entity.id,
    name: entity.name,
    phone: entity.phone,
    email: entity.email,
    company: entity.company,
    type: entity.type,
  };
}
