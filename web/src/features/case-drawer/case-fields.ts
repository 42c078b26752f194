import {
  CATEGORIES,
  CHANNELS,
  CUSTOMER_TYPES,
  DEPARTMENTS,
  REMEDIES,
  ROOT_CAUSES,
  SEVERITIES,
  VERDICTS,
  type CaseSection,
} from '@app/shared';

/** What a field holds and so which control edits it. `labels` is the domain vocabulary's i18n prefix. */
export type FieldKind =
  | { type: 'text'; inputMode?: 'tel' | 'email'; autoComplete?: string }
  | { type: 'textarea' }
  | { type: 'enum'; options: readonly string[]; labels: string }
  | { type: 'enums'; options: readonly string[]; labels: string }
  | { type: 'money' }
  | { type: 'score' }
  /** A tick: true or false. */
  | { type: 'flag' }
  /** A question that may not have been answered yet: yes, no or nothing. */
  | { type: 'answer' }
  | { type: 'datetime' }
  | { type: 'date' }
  | { type: 'user' }
  | { type: 'users' };

export interface FieldSpec {
  /** Where the value sits in a case and in an edit, e.g. `shipment.waybill`; also its presence name. */
  path: string;
  kind: FieldKind;
  /** Blank is refused rather than sent as "clear". */
  required?: boolean;
}

/** A form control's value: text for inputs and selects, a tick for checkboxes, a list for groups. */
export type RawValue = string | boolean | readonly string[];
export type RawValues = Record<string, RawValue>;

const text: FieldKind = { type: 'text' };
const long: FieldKind = { type: 'textarea' };
const enumOf = (options: readonly string[], labels: string): FieldKind => ({ type: 'enum', options, labels });

/** Every field of a case the drawer shows, keyed by path; the timeline names changes with the same specs. */
export const CASE_FIELDS = {
  title: { path: 'title', kind: text, required: true },
  channel: { path: 'channel', kind: enumOf(CHANNELS, 'channel'), required: true },
  category: { path: 'category', kind: enumOf(CATEGORIES, 'category'), required: true },
  severity: { path: 'severity', kind: enumOf(SEVERITIES, 'severity'), required: true },
  'customer.name': { path: 'customer.name', kind: { type: 'text', autoComplete: 'off' }, required: true },
  'customer.phone': { path: 'customer.phone', kind: { type: 'text', inputMode: 'tel', autoComplete: 'off' }, required: true },
  'customer.email': { path: 'customer.email', kind: { type: 'text', inputMode: 'email', autoComplete: 'off' } },
  'customer.company': { path: 'customer.company', kind: text },
  'customer.type': { path: 'customer.type', kind: enumOf(CUSTOMER_TYPES, 'customerType') },
  'shipment.waybill': { path: 'shipment.waybill', kind: { type: 'text', autoComplete: 'off' }, required: true },
  'shipment.orderNumber': { path: 'shipment.orderNumber', kind: text },
  'shipment.origin': { path: 'shipment.origin', kind: text, required: true },
  'shipment.destination': { path: 'shipment.destination', kind: text, required: true },
  'shipment.declaredValue': { path: 'shipment.declaredValue', kind: { type: 'money' } },
  'facts.occurredAt': { path: 'facts.occurredAt', kind: { type: 'datetime' } },
  'facts.location': { path: 'facts.location', kind: text },
  'facts.description': { path: 'facts.description', kind: long, required: true },
  'claim.amount': { path: 'claim.amount', kind: { type: 'money' } },
  'claim.remedies': { path: 'claim.remedies', kind: { type: 'enums', options: REMEDIES, labels: 'remedy' } },
  'claim.note': { path: 'claim.note', kind: long },
  ownerId: { path: 'ownerId', kind: { type: 'user' } },
  owningDepartment: { path: 'owningDepartment', kind: enumOf(DEPARTMENTS, 'department'), required: true },
  watcherIds: { path: 'watcherIds', kind: { type: 'users' } },
  'investigation.verdict': { path: 'investigation.verdict', kind: enumOf(VERDICTS, 'verdict') },
  'investigation.findings': { path: 'investigation.findings', kind: long },
  'investigation.customerExplanation': { path: 'investigation.customerExplanation', kind: long },
  'compensation.remedies': { path: 'compensation.remedies', kind: { type: 'enums', options: REMEDIES, labels: 'remedy' } },
  'compensation.amount': { path: 'compensation.amount', kind: { type: 'money' } },
  'compensation.customerAgreed': { path: 'compensation.customerAgreed', kind: { type: 'flag' } },
  'correctiveAction.rootCause': { path: 'correctiveAction.rootCause', kind: enumOf(ROOT_CAUSES, 'rootCause') },
  'correctiveAction.responsibleParty': { path: 'correctiveAction.responsibleParty', kind: text },
  'correctiveAction.accountabilityMeasure': { path: 'correctiveAction.accountabilityMeasure', kind: long },
  'correctiveAction.preventiveAction': { path: 'correctiveAction.preventiveAction', kind: long },
  'correctiveAction.preventiveOwnerId': { path: 'correctiveAction.preventiveOwnerId', kind: { type: 'user' } },
  'correctiveAction.preventiveDueDate': { path: 'correctiveAction.preventiveDueDate', kind: { type: 'date' } },
  'correctiveAction.remedyCarriedOut': { path: 'correctiveAction.remedyCarriedOut', kind: { type: 'flag' } },
  'followUp.satisfied': { path: 'followUp.satisfied', kind: { type: 'answer' } },
  'followUp.score': { path: 'followUp.score', kind: { type: 'score' } },
  'followUp.comment': { path: 'followUp.comment', kind: long },
} as const satisfies Record<string, FieldSpec>;

export type CaseFieldPath = keyof typeof CASE_FIELDS;

const fields = (...paths: CaseFieldPath[]): FieldSpec[] => paths.map((path) => CASE_FIELDS[path]);

export interface DrawerForm {
  /** Also the i18n key of its heading: `caseDrawer.form.<id>`. */
  id: string;
  section: CaseSection;
  fields: FieldSpec[];
}

/** The drawer's forms in the order of the flow; intake's record is split the way an agent reads it. */
export const DRAWER_FORMS: readonly DrawerForm[] = [
  { id: 'complaint', section: 'intake', fields: fields('title', 'channel', 'category', 'severity') },
  {
    id: 'customer',
    section: 'intake',
    fields: fields('customer.name', 'customer.phone', 'customer.type', 'customer.email', 'customer.company'),
  },
  {
    id: 'shipment',
    section: 'intake',
    fields: fields('shipment.waybill', 'shipment.orderNumber', 'shipment.origin', 'shipment.destination', 'shipment.declaredValue'),
  },
  {
    id: 'facts',
    section: 'intake',
    fields: fields('facts.occurredAt', 'facts.location', 'facts.description', 'claim.amount', 'claim.remedies', 'claim.note'),
  },
  { id: 'assignment', section: 'assignment', fields: fields('ownerId', 'owningDepartment', 'watcherIds') },
  {
    id: 'investigation',
    section: 'investigation',
    fields: fields('investigation.verdict', 'investigation.findings', 'investigation.customerExplanation'),
  },
  {
    id: 'compensation',
    section: 'compensation',
    fields: fields('compensation.remedies', 'compensation.amount', 'compensation.customerAgreed'),
  },
  {
    id: 'correctiveAction',
    section: 'correctiveAction',
    fields: fields(
      'correctiveAction.rootCause',
      'correctiveAction.responsibleParty',
      'correctiveAction.accountabilityMeasure',
      'correctiveAction.preventiveAction',
      'correctiveAction.preventiveOwnerId',
      'correctiveAction.preventiveDueDate',
      'correctiveAction.remedyCarriedOut',
    ),
  },
  { id: 'followUp', section: 'followUp', fields: fields('followUp.satisfied', 'followUp.score', 'followUp.comment') },
];

export function valueAt(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], source);
}

/** Writes `value` at a dotted path, creating the sections on the way: `{shipment: {waybill}}`. */
function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `datetime-local` works in the viewer's wall-clock time; the case stores an instant. */
function toLocalDateTime(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function toRaw(kind: FieldKind, value: unknown): RawValue {
  switch (kind.type) {
    case 'flag':
      return value === true;
    case 'enums':
      // In the order the options are offered, so ticking one off and on again is no change.
      return Array.isArray(value) ? kind.options.filter((option) => value.includes(option)) : [];
    case 'users':
      return Array.isArray(value) ? value : [];
    case 'datetime':
      return typeof value === 'string' && value ? toLocalDateTime(value) : '';
    case 'money':
    case 'score':
    case 'answer':
      return value == null ? '' : String(value);
    default:
      return typeof value === 'string' ? value : '';
  }
}

/**
 * The value an edit sends. Blank optional fields become `null` (the API's "clear"); text that is
 * not a number is passed on as is so that the shared schema, not this function, refuses it.
 */
export function fromRaw(spec: FieldSpec, raw: RawValue): unknown {
  const { kind } = spec;
  if (typeof raw === 'boolean' || Array.isArray(raw)) return raw;
  const blank = (raw as string).trim() === '';
  if (blank) return spec.required && (kind.type === 'text' || kind.type === 'textarea') ? raw : null;
  switch (kind.type) {
    case 'money':
    case 'score': {
      const number = Number(raw);
      return Number.isNaN(number) ? raw : number;
    }
    case 'answer':
      return raw === 'true';
    case 'datetime': {
      const date = new Date(raw as string);
      return Number.isNaN(date.getTime()) ? raw : date.toISOString();
    }
    default:
      return raw;
  }
}

export function rawValues(specs: readonly FieldSpec[], source: unknown): RawValues {
  return Object.fromEntries(specs.map((spec) => [spec.path, toRaw(spec.kind, valueAt(source, spec.path))]));
}

export function sameRaw(a: RawValue | undefined, b: RawValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => item === b[index]);
  return a === b;
}

/** The nested edit for the given fields: `{customer: {phone: '…'}, title: '…'}`. */
export function buildEdit(specs: readonly FieldSpec[], values: RawValues): Record<string, unknown> {
  const edit: Record<string, unknown> = {};
  for (const spec of specs) setAt(edit, spec.path, fromRaw(spec, values[spec.path]));
  return edit;
}
