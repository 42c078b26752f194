import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEPARTMENTS, type EscalationsOverview, type EscalationsQuery } from '@app/shared';
import { SlaPolicyService } from '../sla/sla-policy.service.js';
import { EscalationsRepository } from './escalations.repository.js';

@Injectable()
export class EscalationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly escalations: EscalationsRepository,
    private readonly slaPolicy: SlaPolicyService,
  ) {}

  /**
   * The cases department heads must look at now, and how many each department has. One
   * repeatable-read snapshot at one instant, so the list and the counts agree.
   */
  overview(query: EscalationsQuery): Promise<EscalationsOverview> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ as_of: asOf }]: { as_of: Date }[] = await manager.query('SELECT now() AS as_of');
      const policy = await this.slaPolicy.get(manager);
      const cases = await this.escalations.findCases(manager, policy, asOf, query.department);
      const counts = await this.escalations.countByDepartment(manager, policy, asOf);
      // Departments in the order the flow meets them, as the board's lanes are.
      const departments = counts.sort((a, b) => DEPARTMENTS.indexOf(a.department) - DEPARTMENTS.indexOf(b.department));
      return { asOf: asOf.toISOString(), policy, cases, departments };
    });
  }
}
