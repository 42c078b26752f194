export * from './workflow/columns.js';
export * from './users/user.schema.js';
export * from './cases/case.schema.js';
export * from './errors/error-codes.js';
export * from './workflow/approval-authority.js';
export * from './workflow/transitions.js';
export * from './workflow/move.schema.js';
export * from './workflow/fact-labels.js';
