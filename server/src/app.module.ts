import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG } from './common/config/config.provider.js';
import type { AppConfig } from './common/config/config.js';
import { ApiExceptionFilter } from './common/errors/api-exception.filter.js';
import { SameOriginGuard } from './common/http/same-origin.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BoardModule } from './modules/board/board.module.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { CollaborationModule } from './modules/collaboration/collaboration.module.js';
import { CustomersModule } from './modules/customers/customers.module.js';
import { EscalationsModule } from './modules/escalations/escalations.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { RealtimeModule } from './modules/realtime/realtime.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import type { RealtimeSettings } from './modules/realtime/realtime.settings.js';
import { SettingsModule } from './modules/settings/settings.module.js';
import { SlaModule } from './modules/sla/sla.module.js';
import { SavedViewsModule } from './modules/views/saved-views.module.js';
import { WorkflowModule } from './modules/workflow/workflow.module.js';
import { UserAdminModule } from './modules/users/user-admin.module.js';
import { UsersModule } from './modules/users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, realtime: Partial<RealtimeSettings> = {}): DynamicModule {
    const pretty = (config.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json')) === 'pretty';
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            transport: pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
            // Health probes every few seconds would drown the log.
            autoLogging: { ignore: (request) => request.url === '/api/health' },
            // One short line per request: method, url, status and latency (responseTime, ms).
            serializers: {
              req: (request: { id: unknown; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                url: request.url,
              }),
              res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
            },
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        // Lets the OpenAPI builder read each handler's zod schema from its pipes.
        DiscoveryModule,
        HealthModule,
        UsersModule,
        AuthModule,
        UserAdminModule,
        CasesModule,
        CustomersModule,
        WorkflowModule,
        SettingsModule,
        CollaborationModule,
        SlaModule,
        BoardModule,
        EscalationsModule,
        ReportsModule,
        SavedViewsModule,
        RealtimeModule.forRoot(realtime),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_GUARD, useClass: SameOriginGuard },
      ],
      exports: [APP_CONFIG],
    };
  }
}
