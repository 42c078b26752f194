import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { CaseEventType, SlaCrossingData } from '@app/shared';
import { APP_CONFIG } from '../../common/config/config.provider.js';
import type { AppConfig } from '../../common/config/config.js';
import { TimelineService } from '../timeline/timeline.service.js';
import { SlaPolicyService } from './sla-policy.service.js';
import { SlaWatchRepository, type SlaCrossing } from './sla-watch.repository.js';

const EVENT_OF_LEVEL: Record<SlaCrossing['level'], CaseEventType> = { warning: 'sla.warning', breached: 'sla.breached' };

/**
 * Turns SLA crossings into facts: every `SLA_WATCH_INTERVAL_MS` it records each case that ran
 * into a warning or a breach since it last looked as `sla.warning` / `sla.breached` on the case's
 * timeline, by the system (no actor), and so live to every client after commit. Once per crossing
 * with any number of instances and across restarts: the claim is a row in the same transaction
 * as the event.
 */
@Injectable()
export class SlaWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SlaWatch');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly timeline: TimelineService,
    private readonly policy: SlaPolicyService,
    private readonly repository: SlaWatchRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  /** Lets a sweep under way finish before the database connection goes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Records the crossings nobody has announced yet and returns them; none while another
   * instance is sweeping. Public so that tests sweep when they choose instead of waiting.
   */
  async sweep(): Promise<SlaCrossing[]> {
    return this.timeline.inTransaction({ actor: null, requestId: null }, async (manager, record) => {
      const sweptUntil = await this.repository.takeWatch(manager);
      if (!sweptUntil) return [];
      const crossings = await this.repository.claimCrossings(manager, await this.policy.get(manager), sweptUntil);
      for (const crossing of crossings) {
        const data: SlaCrossingData = { deadline: crossing.deadline, dueAt: crossing.dueAt.toISOString(), severity: crossing.severity };
        record({ caseId: crossing.caseId, type: EVENT_OF_LEVEL[crossing.level], data: { ...data } });
      }
      await this.repository.advanceWatch(manager);
      return crossings;
    });
  }

  /** One sweep after the other, never two at once in one instance, however long one takes. */
  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .catch((error: unknown) => this.logger.warn(`SLA sweep failed: ${String(error)}`))
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.config.SLA_WATCH_INTERVAL_MS);
  }
}
