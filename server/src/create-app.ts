import { existsSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './common/config/config.js';
import type { RealtimeSettings } from './modules/realtime/realtime.settings.js';
import { serveOpenApi } from './common/openapi/openapi.js';

/**
 * Builds the whole application (API, realtime, static board) without listening, for main and for
 * tests; tests may shorten realtime timeouts and limits.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  realtime: Partial<RealtimeSettings> = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, realtime), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.disable('x-powered-by');
  if (config.TRUST_PROXY > 0) app.set('trust proxy', config.TRUST_PROXY);
  app.useBodyParser('json', { limit: '256kb' });
  app.use(cookieParser());
  serveOpenApi(app);
  serveBoard(app, config.WEB_DIST_DIR);
  return app;
}

/** Serves the built web app, with client routes (e.g. /cases/CP-…) falling back to index.html. */
function serveBoard(app: NestExpressApplication, webDistDir: string): void {
  const indexHtml = path.join(webDistDir, 'index.html');
  if (!existsSync(indexHtml)) {
    app.get(Logger).warn(`No built web app at ${webDistDir}; serving the API only (run npm run build)`);
    return;
  }
  app.useStaticAssets(webDistDir, { index: false, maxAge: '1h', immutable: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isClientRoute =
      request.method === 'GET' &&
      !request.path.startsWith('/api') &&
      !request.path.startsWith('/socket.io') &&
      request.accepts('html') === 'html';
    if (!isClientRoute) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
}
