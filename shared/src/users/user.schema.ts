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
