import type { Locale, LocalizedText } from '../errors/error-codes.js';
import type { ApproverRole } from './approval-authority.js';

const APPROVER_LABELS = {
  cs_agent: { 'zh-CN': '客服专员审批', en: 'customer service agent approval' },
  cs_supervisor: { 'zh-CN': '客服主管审批', en: 'customer service supervisor approval' },
  quality_investigator: { 'zh-CN': '质量监控审批', en: 'quality investigator approval' },
  operations: { 'zh-CN': '运作部审批', en: 'operations approval' },
  legal: { 'zh-CN': '法务审核', en: 'legal review' },
  department_head: { 'zh-CN': '部门负责人审批', en: 'department head approval' },
} as const satisfies Record<ApproverRole, LocalizedText>;

type ApprovalSlotPath = `approvals.${ApproverRole}`;

const approvalSlotLabels = Object.fromEntries(
  Object.entries(APPROVER_LABELS).map(([role, label]) => [`approvals.${role}`, label]),
) as Record<ApprovalSlotPath, LocalizedText>;

/**
 * Every fact a refused move can name, keyed by its dotted path in the case, so the server's
 * error message and the web's hints say the same thing in words. Two keys name a whole section
 * rather than a field: `compensation` (money is involved, so the approval step cannot be
 * skipped) and `approvals` (a rejection stands against the current amount).
 */
export const FACT_LABELS = {
  title: { 'zh-CN': '标题', en: 'title' },
  channel: { 'zh-CN': '投诉渠道', en: 'channel' },
  category: { 'zh-CN': '投诉类别', en: 'category' },
  severity: { 'zh-CN': '严重等级', en: 'severity' },
  'customer.name': { 'zh-CN': '投诉人姓名', en: 'customer name' },
  'customer.phone': { 'zh-CN': '投诉人电话', en: 'customer phone' },
  'shipment.waybill': { 'zh-CN': '运单号', en: 'waybill number' },
  'shipment.origin': { 'zh-CN': '始发地', en: 'origin' },
  'shipment.destination': { 'zh-CN': '目的地', en: 'destination' },
  'facts.description': { 'zh-CN': '投诉经过', en: 'description of what happened' },
  'investigation.verdict': { 'zh-CN': '调查结论（投诉是否成立）', en: 'investigation verdict' },
  'investigation.customerExplanation': { 'zh-CN': '向客户的解释说明', en: 'explanation given to the customer' },
  compensation: {
    'zh-CN': '赔偿审批（涉及金额，不能跳过）',
    en: 'compensation approval (money is involved, it cannot be skipped)',
  },
  'compensation.remedies': { 'zh-CN': '处理方案', en: 'remedy' },
  'compensation.amount': { 'zh-CN': '赔偿金额', en: 'compensation amount' },
  'compensation.customerAgreed': { 'zh-CN': '客户同意方案', en: "customer's agreement to the remedy" },
  approvals: { 'zh-CN': '审批（当前金额已被驳回）', en: 'approval (the current amount was rejected)' },
  ...approvalSlotLabels,
  'correctiveAction.rootCause': { 'zh-CN': '原因来源', en: 'root cause' },
  'correctiveAction.responsibleParty': { 'zh-CN': '责任方', en: 'responsible party' },
  'correctiveAction.accountabilityMeasure': { 'zh-CN': '责任处理措施', en: 'accountability measure' },
  'correctiveAction.preventiveAction': { 'zh-CN': '预防措施', en: 'preventive action' },
  'correctiveAction.preventiveOwnerId': { 'zh-CN': '预防措施负责人', en: 'preventive action owner' },
  'correctiveAction.preventiveDueDate': { 'zh-CN': '预防措施完成期限', en: 'preventive action due date' },
  'correctiveAction.remedyCarriedOut': { 'zh-CN': '补救措施已执行', en: 'remedy carried out' },
  'followUp.satisfied': { 'zh-CN': '客户是否满意', en: 'whether the customer is satisfied' },
  'followUp.score': { 'zh-CN': '满意度评分（1-5）', en: 'satisfaction score (1-5)' },
  reason: { 'zh-CN': '原因说明', en: 'reason' },
} as const satisfies Record<string, LocalizedText>;

export type FactPath = keyof typeof FACT_LABELS;

export function isFactPath(value: string): value is FactPath {
  return Object.hasOwn(FACT_LABELS, value);
}

/** One line naming the missing facts, e.g. for a refused move's error message. */
export function describeMissingFacts(missing: readonly string[], locale: Locale): string {
  const labels = missing.map((path) => (isFactPath(path) ? FACT_LABELS[path][locale] : path));
  return labels.join(locale === 'zh-CN' ? '、' : ', ');
}
