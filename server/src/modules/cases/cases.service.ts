import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { CaseCard } from '@app/shared';
import { CaseEntity } from './case.entity.js';

@Injectable()
export class CasesService {
  constructor(@InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>) {}

  async listCards(): Promise<CaseCard[]> {
    const rows = await this.cases.find({ order: { createdAt: 'ASC' } });
    return rows.map(toCard);
  }
}

function toCard(entity: CaseEntity): CaseCard {
  return {
    id: entity.id,
    number: entity.number,
    title: entity.title,
    column: entity.column,
    severity: entity.severity,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
    version: entity.version,
  };
}
