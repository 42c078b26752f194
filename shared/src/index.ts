export * from './workflow/columns.js';
export * from './cases/case.schema.js';
export * from './errors/error-codes.js';
