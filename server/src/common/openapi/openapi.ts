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

/** What one handler validates with its zod pipes: the body, the query string, each path parameter. */
interface RequestSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params: Map<string, z.ZodType>;
}

function requestSchemasOf(controller: Type, method: string): RequestSchemas {
  const args: Record<string, RouteArgument> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {};
  const schemas: RequestSchemas = { params: new Map() };
  for (const [key, argument] of Object.entries(args)) {
    const pipe = argument.pipes?.find((candidate) => candidate instanceof ZodValidationPipe);
    if (!pipe) continue;
    const schema = (pipe as unknown as { schema: z.ZodType }).schema;
    const type = Number(key.split(':')[0]);
    if (type === RouteParamtypes.BODY) schemas.body = schema;
    else if (type === RouteParamtypes.QUERY) schemas.query = schema;
    else if (type === RouteParamtypes.PARAM && typeof argument.data === 'string') schemas.params.set(argument.data, schema);
  }
  return schemas;
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

/**
 * Every `{name}` of the path as a path parameter with the schema it is checked with (Nest's
 * explorer leaves out those that have a pipe); each field of the query schema as a query parameter,
 * in place of any declared by hand.
 */
function describeParameters(path: string, existing: ParameterObject[] | undefined, schemas: RequestSchemas): ParameterObject[] {
  const parameters: ParameterObject[] = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const schema = schemas.params.get(name);
    const known = existing?.find((parameter) => parameter.in === 'path' && parameter.name === name);
    return { name, in: 'path', required: true, schema: schema ? toJsonSchema(schema) : (known?.schema ?? { type: 'string' }) };
  });
  const declared = (existing ?? []).filter((parameter) => parameter.in !== 'path' && !(schemas.query && parameter.in === 'query'));
  parameters.push(...declared);
  if (!schemas.query) return parameters;
  const query = toJsonSchema(schemas.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  for (const [name, schema] of Object.entries(query.properties ?? {})) {
    parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
  }
  return parameters;
}

function toJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return json;
}

/**
 * The OpenAPI document of the running API. Routes come from Nest's own metadata; request bodies,
 * query strings and path parameters from the shared zod schemas each handler validates with, so
 * the document cannot drift from what the server accepts.
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

  const schemasByOperation = new Map<string, RequestSchemas>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype as Type | null;
    if (!controller) continue;
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      schemasByOperation.set(`${controller.name}_${method}`, requestSchemasOf(controller, method));
    }
  }
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const operation of Object.values(operations)) {
      if (typeof operation !== 'object' || !operation || !('operationId' in operation)) continue;
      const schemas = schemasByOperation.get(String(operation.operationId));
      if (!schemas) continue;
      const described = operation as { requestBody?: unknown; parameters?: ParameterObject[] };
      described.parameters = describeParameters(path, described.parameters, schemas);
      if (schemas.body) described.requestBody = { required: true, content: { 'application/json': { schema: toJsonSchema(schemas.body) } } };
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
