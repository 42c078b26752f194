import type { INestApplication, PipeTransform, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { DiscoveryService } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { AuthService } from '../../modules/auth/auth.service.js';
import { sessionTokenFromCookieHeader } from '../../modules/auth/session-cookie.js';
import { mapError } from '../errors/api-error.js';
import { DomainError } from '../errors/domain-error.js';
import { ZodValidationPipe } from '../validation/zod-validation.pipe.js';

interface RouteArgument {
  index: number;
  data?: unknown;
  pipes?: PipeTransform[];
}

type JsonSchema = Record<string, unknown>;

/** The zod schema a handler validates its body with, read from the pipes Nest already holds. */
function bodySchemaOf(controller: Type, method: string): z.ZodType | undefined {
  const args: Record<string, RouteArgument> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
  for (const [key, argument] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== RouteParamtypes.BODY) continue;
    const pipe = argument.pipes?.find((candidate) => candidate instanceof ZodValidationPipe);
    if (pipe) return (pipe as unknown as { schema: z.ZodType }).schema;
  }
  return undefined;
}

function toJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}

/**
 * The OpenAPI document of the running API. Routes come from Nest's own metadata; request bodies
 * from the shared zod schemas each handler validates with, so the document cannot drift from
 * what the server accepts.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('投诉处理看板 API · Complaint-case board API')
    .setDescription(
      'Every route except login and health needs the `sid` session cookie from `POST /api/auth/login`. ' +
        'Errors answer `{code, message, messages: {zh-CN, en}, details?}`.',
    )
    .setVersion('1')
    .addCookieAuth('sid')
    .build();
  const document = SwaggerModule.createDocument(app, config);

  const bodies = new Map<string, z.ZodType>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (!controller) continue;
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const schema = bodySchemaOf(controller, method);
      if (schema) bodies.set(`${controller.name}_${method}`, schema);
    }
  }
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      const schema = typeof operation === 'object' && operation && 'operationId' in operation ? bodies.get(String(operation.operationId)) : undefined;
      if (!schema) continue;
      (operation as { requestBody?: unknown }).requestBody = {
        required: true,
        content: { 'application/json': { schema: toJsonSchema(schema) } },
      };
    }
  }
  return document;
}

/** At /api/docs (JSON at /api/docs/openapi.json), like everything else only for signed-in users. */
export function serveOpenApi(app: NestExpressApplication): void {
  const auth = app.get(AuthService);
  app.use('/api/docs', (request: Request, response: Response, next: NextFunction) => {
    auth.userFromSessionToken(sessionTokenFromCookieHeader(request.headers.cookie)).then((user) => {
      if (user) return next();
      const { status, body } = mapError(new DomainError('UNAUTHENTICATED', 401), request.headers['accept-language']);
      response.status(status).json(body);
    }, next);
  });
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json', yamlDocumentUrl: 'api/docs/openapi.yaml' });
}
