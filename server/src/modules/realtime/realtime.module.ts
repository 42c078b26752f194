import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { TimelineModule } from '../timeline/timeline.module.js';
import { CaseEventRelay } from './case-event-relay.js';
import { ClusterAdapterProvider } from './cluster-adapter.provider.js';
import { PresenceService } from './presence.service.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { SessionWatch } from './session-watch.js';
import { RealtimeRepository } from './realtime.repository.js';
import { DEFAULT_REALTIME_SETTINGS, REALTIME_SETTINGS, type RealtimeSettings } from './realtime.settings.js';

/** Socket.IO on the app's own port: live case events, catch-up after reconnects, presence. */
@Module({})
export class RealtimeModule {
  /** `settings` shortens timeouts and limits in tests; production runs on the defaults. */
  static forRoot(settings: Partial<RealtimeSettings> = {}): DynamicModule {
    return {
      module: RealtimeModule,
      imports: [AuthModule, TimelineModule],
      providers: [
        { provide: REALTIME_SETTINGS, useValue: { ...DEFAULT_REALTIME_SETTINGS, ...settings } },
        RealtimeRepository,
        ClusterAdapterProvider,
        CaseEventRelay,
        PresenceService,
        SessionWatch,
        RealtimeGateway,
      ],
    };
  }
}
