import { Body, Param, Query, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';

export interface ValidationIssue {
  /** Dotted path into the input, e.g. `customer.phone` or `watcherIds.2`; empty for the input itself. */
  path: string;
  message: string;
}

export function validationIssues(error: z.ZodError, pathPrefix?: string): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [...(pathPrefix ? [pathPrefix] : []), ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

/**
 * The parsed (trimmed, defaulted) value, or 400 VALIDATION_FAILED with one `{path, message}` per
 * issue. `pathPrefix` places the issues inside a larger input, e.g. `shipment` for a merged section.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, pathPrefix?: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainError('VALIDATION_FAILED', 400, validationIssues(result.error, pathPrefix));
  return result.data;
}

/** Validates a request part with a shared zod schema: `@Body(new ZodValidationPipe(schema))`. */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.output<Schema> {
    return parseInput(this.schema, value);
  }
}

/** `@ZodBody(createCaseInputSchema) input: CreateCaseInput` */
export const ZodBody = (schema: z.ZodType): ParameterDecorator => Body(new ZodValidationPipe(schema));

/** `@ZodQuery(listCasesQuerySchema) query: ListCasesQuery` */
export const ZodQuery = (schema: z.ZodType): ParameterDecorator => Query(new ZodValidationPipe(schema));

/** `@ZodParam('id', z.uuid()) id: string` */
export const ZodParam = (name: string, schema: z.ZodType): ParameterDecorator => Param(name, new ZodValidationPipe(schema));
