import { z } from 'zod';

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
