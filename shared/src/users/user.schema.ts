import { z } from 'zod';
import { queryFlagSchema } from '../common/query-flag.js';
import { safeString } from '../common/safe-string.js';

export const ROLES = [
  'cs_agent',
  'cs_supervisor',
  'quality_investigator',
  'operations',
  'legal',
  'department_head',
  'admin',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Everyone who works cases. Admin administers users and policies and never works a case. */
export const STAFF_ROLES = ROLES.filter((role): role is Exclude<Role, 'admin'> => role !== 'admin');
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who takes in a new complaint: customer service, and department heads covering for them. */
export const INTAKE_ROLES: readonly Role[] = ['cs_agent', 'cs_supervisor', 'department_head'];

export const DEPARTMENTS = ['customer_service', 'quality', 'operations', 'legal', 'management', 'administration'] as const;
export const departmentSchema = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof departmentSchema>;

export const userSummarySchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  department: departmentSchema,
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const loginInputSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

/** What an admin sees of an account: the summary plus whether it may still sign in. */
export const userAccountSchema = userSummarySchema.extend({ active: z.boolean() });
export type UserAccount = z.infer<typeof userAccountSchema>;

export const USERNAME_PATTERN = /^[a-z0-9]{3,32}$/;
export const usernameSchema = z.string().trim().regex(USERNAME_PATTERN, 'username');
export const displayNameSchema = safeString().trim().min(1).max(64);
export const MIN_PASSWORD_LENGTH = 8;
/** Upper bound only so that nobody makes the server hash megabytes. */
export const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(256);

export const createUserInputSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  department: departmentSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    department: departmentSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), 'nothing to change');
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

/** An admin setting someone's password, e.g. after they forgot it. */
export const resetPasswordInputSchema = z.strictObject({ password: newPasswordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;

export const changeOwnPasswordInputSchema = z.strictObject({
  currentPassword: loginInputSchema.shape.password,
  newPassword: newPasswordSchema,
});
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInputSchema>;

export const listUsersQuerySchema = z.strictObject({
  /** Admins only: also the deactivated accounts, for user management. */
  includeInactive: queryFlagSchema,
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;
