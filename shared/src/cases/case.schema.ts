import { z } from 'zod';
import { CASE_COLUMNS } from '../workflow/columns.js';
import { departmentSchema } from '../users/user.schema.js';
import { slaStateSchema } from '../board/sla-state.js';
import { safeString } from '../common/safe-string.js';

export const caseColumnSchema = z.enum(CASE_COLUMNS);

export const CHANNELS = [
  'phone',
  'email',
  'web_form',
  'mobile_app',
  'wechat',
  'online_chat',
  'walk_in',
  'letter_fax',
  'management',
  'regulator',
] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const CUSTOMER_TYPES = ['quality_watchdog', 'rational', 'negotiator', 'victim', 'loyal_advocate'] as const;
export const customerTypeSchema = z.enum(CUSTOMER_TYPES);
export type CustomerType = z.infer<typeof customerTypeSchema>;

export const CATEGORIES = [
  'delay',
  'lost',
  'damaged',
  'misdelivered',
  'short_items',
  'wrong_tracking',
  'staff_attitude',
  'billing',
  'pickup',
  'other',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const SEVERITIES = ['serious', 'important', 'general'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** What may be offered or asked for. `compensation` and `freight_refund` involve money. */
export const REMEDIES = ['compensation', 'freight_refund', 'reship', 'repair', 'apology_letter', 'voucher'] as const;
export const remedySchema = z.enum(REMEDIES);
export type Remedy = z.infer<typeof remedySchema>;

export const VERDICTS = ['substantiated', 'not_substantiated'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/** The six sources of a complaint's cause named by the procedures. */
export const ROOT_CAUSES = ['staff_operation', 'sales', 'carrier_supplier', 'agent', 'customer', 'force_majeure'] as const;
export const rootCauseSchema = z.enum(ROOT_CAUSES);
export type RootCause = z.infer<typeof rootCauseSchema>;

/** `CP-YYYYMMDD-NNNN`: intake date plus a daily serial. */
export const CASE_NUMBER_PATTERN = /^CP-\d{8}-\d{4,}$/;
export const caseNumberSchema = z.string().regex(CASE_NUMBER_PATTERN);

/** Yuan with at most two decimals; ten million is beyond any parcel claim and refused as absurd. */
export const MAX_AMOUNT = 10_000_000;
export const amountSchema = z.number().nonnegative().max(MAX_AMOUNT).multipleOf(0.01);

const text = (max: number) => safeString().trim().min(1).max(max);
const optionalText = (max: number) => safeString().trim().max(max).nullable().optional();
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'phone');

export const customerInputSchema = z.strictObject({
  name: text(64),
  phone: phoneSchema,
  email: z.email().max(254).nullable().optional(),
  company: optionalText(128),
  type: customerTypeSchema.nullable().optional(),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerSchema = customerInputSchema.extend({
  id: z.uuid(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  type: customerTypeSchema.nullable(),
});
export type Customer = z.infer<typeof customerSchema>;

export const shipmentSchema = z.strictObject({
  waybill: z.string().trim().regex(/^[A-Za-z0-9-]{6,32}$/, 'waybill'),
  orderNumber: optionalText(64),
  origin: text(64),
  destination: text(64),
  declaredValue: amountSchema.nullable().optional(),
});
export type Shipment = z.infer<typeof shipmentSchema>;

export const factsSchema = z.strictObject({
  occurredAt: z.iso.datetime({ offset: true }).nullable().optional(),
  location: optionalText(200),
  description: text(5000),
});
export type Facts = z.infer<typeof factsSchema>;

/** What the customer asks for. */
export const claimSchema = z.strictObject({
  amount: amountSchema.nullable().optional(),
  // No default here: an edit that leaves remedies out must not reset them.
  remedies: z.array(remedySchema).max(REMEDIES.length).optional(),
  note: optionalText(1000),
});
export type Claim = z.infer<typeof claimSchema>;

export const investigationSchema = z.strictObject({
  verdict: verdictSchema.nullable().optional(),
  findings: optionalText(5000),
  /** Required for a non-substantiated complaint before it may close. */
  customerExplanation: optionalText(2000),
});
export type Investigation = z.infer<typeof investigationSchema>;

export const compensationSchema = z.strictObject({
  remedies: z.array(remedySchema).max(REMEDIES.length).optional(),
  amount: amountSchema.nullable().optional(),
  customerAgreed: z.boolean().nullable().optional(),
});
export type Compensation = z.infer<typeof compensationSchema>;

export const correctiveActionSchema = z.strictObject({
  rootCause: rootCauseSchema.nullable().optional(),
  responsibleParty: optionalText(200),
  accountabilityMeasure: optionalText(1000),
  preventiveAction: optionalText(2000),
  preventiveOwnerId: z.uuid().nullable().optional(),
  preventiveDueDate: z.iso.date().nullable().optional(),
  remedyCarriedOut: z.boolean().nullable().optional(),
});
export type CorrectiveAction = z.infer<typeof correctiveActionSchema>;

export const followUpSchema = z.strictObject({
  satisfied: z.boolean().nullable().optional(),
  score: z.number().int().min(1).max(5).nullable().optional(),
  comment: optionalText(2000),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export const approvalDecisionSchema = z.enum(APPROVAL_DECISIONS);
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

/** A decision on the compensation amount; voided (kept, marked) when the amount changes. */
export const approvalSchema = z.object({
  id: z.uuid(),
  approverId: z.uuid(),
  approverRole: z.string(),
  decision: approvalDecisionSchema,
  amount: amountSchema,
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime({ offset: true }),
  voidedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Approval = z.infer<typeof approvalSchema>;

/** Intake: what customer service records when the complaint comes in. */
export const createCaseInputSchema = z.strictObject({
  title: text(200),
  channel: channelSchema,
  category: categorySchema,
  severity: severitySchema,
  customer: customerInputSchema,
  shipment: shipmentSchema,
  facts: factsSchema,
  claim: claimSchema.default({}),
  ownerId: z.uuid().nullable().optional(),
  owningDepartment: departmentSchema.optional(),
  watcherIds: z.array(z.uuid()).max(50).optional(),
});
export type CreateCaseInput = z.infer<typeof createCaseInputSchema>;

/**
 * An edit. `version` is the version the editor saw: a stale one is refused (409).
 * Sections are merged field by field; `null` clears a field.
 */
export const updateCaseInputSchema = z.strictObject({
  version: z.number().int().positive(),
  title: text(200).optional(),
  channel: channelSchema.optional(),
  category: categorySchema.optional(),
  severity: severitySchema.optional(),
  customer: customerInputSchema.partial().strict().optional(),
  shipment: shipmentSchema.partial().strict().optional(),
  facts: factsSchema.partial().strict().optional(),
  claim: claimSchema.partial().strict().optional(),
  investigation: investigationSchema.optional(),
  compensation: compensationSchema.partial().strict().optional(),
  correctiveAction: correctiveActionSchema.optional(),
  followUp: followUpSchema.optional(),
  ownerId: z.uuid().nullable().optional(),
  owningDepartment: departmentSchema.optional(),
  watcherIds: z.array(z.uuid()).max(50).optional(),
});
export type UpdateCaseInput = z.infer<typeof updateCaseInputSchema>;

export const caseDetailSchema = z.object({
  id: z.uuid(),
  number: caseNumberSchema,
  title: z.string(),
  column: caseColumnSchema,
  channel: channelSchema,
  category: categorySchema,
  severity: severitySchema,
  customer: customerSchema,
  shipment: shipmentSchema,
  facts: factsSchema,
  claim: claimSchema,
  investigation: investigationSchema,
  compensation: compensationSchema.extend({ proposedBy: z.uuid().nullable().optional() }),
  approvals: z.array(approvalSchema),
  correctiveAction: correctiveActionSchema,
  followUp: followUpSchema,
  ownerId: z.uuid().nullable(),
  owningDepartment: departmentSchema,
  watcherIds: z.array(z.uuid()),
  reopenCount: z.number().int().nonnegative(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** What the board needs to draw a card. */
export const caseCardSchema = z.object({
  id: z.uuid(),
  number: caseNumberSchema,
  title: z.string(),
  column: caseColumnSchema,
  severity: severitySchema,
  category: categorySchema,
  channel: channelSchema,
  customerName: z.string(),
  customerCaseCount: z.number().int().nonnegative(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  owningDepartment: departmentSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
  waybill: z.string(),
  watcherIds: z.array(z.uuid()),
  commentCount: z.number().int().nonnegative(),
  evidenceCount: z.number().int().nonnegative(),
  /** Yuan at stake: the compensation proposed, else what the customer claims; null when no money is named. */
  amount: z.number().nonnegative().nullable(),
  /** As of the board's `asOf`; a card counts down from here with `slaStatus`. */
  slaState: slaStateSchema,
  /** The resolution deadline. */
  slaDueAt: z.iso.datetime({ offset: true }),
  firstResponseDueAt: z.iso.datetime({ offset: true }),
  /** When the case first left intake. */
  firstRespondedAt: z.iso.datetime({ offset: true }).nullable(),
  /** When it reached follow-up or closed; cleared by a reopen. */
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type CaseCard = z.infer<typeof caseCardSchema>;
