import {
  involvesMoney,
  type ApprovalPolicy,
  type Category,
  type Channel,
  type Claim,
  type CustomerType,
  type Facts,
  type Remedy,
  type Severity,
} from '@app/shared';
import { beijingDayOfMonth, beijingMidnight, beijingWeekday, clock, DAY, hours, monthDay } from './calendar.js';
import { playCase, Staff, type CaseOutcome, type CasePlan, type SeedApproval, type SeedEvent, type StaffMember } from './lifecycle.js';
import { receivingCity, sendingCity, troubledHub, type City } from './network.js';
import { companyName, customerType, emailAddress, mobilePhone, personName, type CompanyKind } from './people.js';
import { Random } from './random.js';
import { tellStory, type CustomerKind, type Story } from './stories.js';

/** Cases that other tests and the demo script point at; they are always there, exactly so. */
export const HEADLINE_INTAKE_TITLE = '生鲜包裹延误三天，客户要求全额赔偿';
export const HEADLINE_COMPENSATION_TITLE = '电脑主机丢失，申报价值 8,000 元';

const SEED = 20_261_111;
const DAYS = 30;
const CASES_PER_MONTH = 3050;
const REPEAT_COMPLAINER_SHARE = 0.08;

/** Complaints by hour of day, Beijing time: the hotline's day, with the app and WeChat filling the evening. */
const INTAKE_BY_HOUR = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 6, 9, 10, 9, 7, 8, 9, 9, 8, 7, 6, 6, 6, 5, 4, 2];
/** Sunday first; businesses ship and complain on weekdays. */
const BY_WEEKDAY = [0.7, 1.15, 1.05, 1.05, 1.05, 1.05, 0.8];
/** Days 12 to 17 of a month: the wave of delays that follows a "双11"-style sales day. */
const AFTER_SALES_DAY: Readonly<Record<number, number>> = { 12: 1.35, 13: 1.6, 14: 1.7, 15: 1.5, 16: 1.3, 17: 1.15 };

const CATEGORY_WEIGHTS: readonly (readonly [Category, number])[] = [
  ['delay', 30], ['damaged', 17], ['lost', 11], ['misdelivered', 9], ['staff_attitude', 8],
  ['billing', 7], ['pickup', 6], ['wrong_tracking', 5], ['short_items', 4.5], ['other', 2.5],
];
const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['phone', 38], ['mobile_app', 16], ['wechat', 15], ['online_chat', 12], ['web_form', 7],
  ['email', 4], ['regulator', 3], ['management', 2.5], ['walk_in', 1.5], ['letter_fax', 0.5],
];
const PACE: Readonly<Record<Severity, number>> = { serious: 0.5, important: 1, general: 1.4 };

export interface CustomerRow {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  company: string | null;
  type: CustomerType | null;
  createdAt: number;
}

export interface CaseRow {
  id: string;
  createdAt: number;
  title: string;
  channel: Channel;
  category: Category;
  severity: Severity;
  customerId: string;
  waybill: string;
  orderNumber: string | null;
  origin: string;
  destination: string;
  declaredValue: number | null;
  facts: Facts;
  claim: Claim;
  createdBy: string;
  /** The `case.created` event's data, whose number the database allocates on insert. */
  createdData: Record<string, unknown>;
  outcome: CaseOutcome;
}

export interface DemoMonth {
  customers: CustomerRow[];
  /** In intake order, so that daily serials rise through the day. */
  cases: CaseRow[];
  approvals: SeedApproval[];
  /** In the order they happened, which is the order they get their sequence numbers. */
  events: SeedEvent[];
}

interface Customer extends CustomerRow {
  kind: CustomerKind;
  city: City;
}

interface Draft {
  row: Omit<CaseRow, 'outcome'>;
  plan: CasePlan;
  /** The case's own stream, so that one case stopping early at now does not reshuffle every case after it. */
  random: Random;
}

/**
 * A month of complaints ending at `now`. The month is drawn whole, today included, and cut at
 * now: two fresh starts on the same day see the same cases, each as far along as the clock allows.
 */
export function generateDemoMonth(now: number, users: readonly StaffMember[], policy: ApprovalPolicy): DemoMonth {
  const staff = new Staff(users);
  const identities = new Identities(Random.derive(SEED, 1));

  const times = intakeTimes(Random.derive(SEED, 2), now);
  const slots = customerSlots(Random.derive(SEED, 3), times.length);
  const casesOf = new Map<number, number>();
  for (const slot of slots) casesOf.set(slot, (casesOf.get(slot) ?? 0) + 1);
  const customers = Array.from({ length: Math.max(...slots) + 1 }, (_, slot) => identities.customer((casesOf.get(slot) ?? 0) > 1));
  const drafts = times.flatMap((createdAt, index) =>
    createdAt < now ? [draftCase(Random.derive(SEED, 4, index), staff, identities, customers[slots[index]], createdAt)] : [],
  );
  chooseStalls(Random.derive(SEED, 5), drafts, now);
  drafts.push(
    headlineIntake(Random.derive(SEED, 6), staff, identities, now),
    headlineCompensation(Random.derive(SEED, 7), staff, identities, now),
  );
  drafts.sort((a, b) => a.row.createdAt - b.row.createdAt);

  const cases = drafts.map(({ row, plan, random }) => ({ ...row, outcome: playCase(plan, row.createdData, now, random, staff, policy) }));
  const usedCustomers = new Map<string, CustomerRow>();
  for (const draft of drafts) {
    const { id, name, phone, email, company, type } = identities.byId.get(draft.row.customerId)!;
    if (!usedCustomers.has(id)) usedCustomers.set(id, { id, name, phone, email, company, type, createdAt: draft.row.createdAt });
  }
  return {
    customers: [...usedCustomers.values()],
    cases,
    approvals: cases.flatMap((c) => c.outcome.approvals),
    events: cases.flatMap((c) => c.outcome.events).sort((a, b) => a.at - b.at),
  };
}

/** When each complaint comes in over the thirty days up to the end of today: more on weekdays and after the sales day. */
function intakeTimes(random: Random, now: number): number[] {
  const today = beijingMidnight(now);
  const days = Array.from({ length: DAYS }, (_, back) => {
    const start = today - back * DAY;
    return { start, weight: BY_WEEKDAY[beijingWeekday(start)] * (AFTER_SALES_DAY[beijingDayOfMonth(start)] ?? 1) * random.between(0.88, 1.12) };
  });
  const total = days.reduce((sum, day) => sum + day.weight, 0);
  const hourWeights = INTAKE_BY_HOUR.map((weight, hour) => [hour, weight] as const);
  const times: number[] = [];
  for (const day of days) {
    const count = Math.round((CASES_PER_MONTH * day.weight) / total);
    for (let i = 0; i < count; i++) times.push(day.start + hours(random.weighted(hourWeights) + random.next()));
  }
  return times.sort((a, b) => a - b);
}

/** Which customer each case belongs to: most complain once, about one in twelve comes back two to five times. */
function customerSlots(random: Random, cases: number): number[] {
  const slots: number[] = [];
  for (let customer = 0; slots.length < cases; customer++) {
    const count = random.chance(REPEAT_COMPLAINER_SHARE) ? random.int(2, 5) : 1;
    for (let i = 0; i < count; i++) slots.push(customer);
  }
  return random.shuffle(slots.slice(0, cases));
}

/** Draws names, phones and waybills, never the same one twice. */
class Identities {
  readonly byId = new Map<string, Customer>();
  private readonly phones = new Set<string>();
  private readonly waybills = new Set<string>();

  constructor(private readonly random: Random) {}

  customer(repeat: boolean, kind: CustomerKind = this.random.weighted([['person', 78], ['shop', 15], ['factory', 7]] as const)): Customer {
    const random = this.random;
    const person = personName(random);
    let phone = mobilePhone(random);
    while (this.phones.has(phone)) phone = mobilePhone(random);
    this.phones.add(phone);
    const city = kind === 'person' ? receivingCity(random) : sendingCity(random);
    const company = kind === 'person' ? null : companyName(random, kind as CompanyKind, city.name);
    const customer: Customer = {
      id: random.uuid(),
      name: person.name,
      phone,
      email: random.chance(kind === 'person' ? 0.3 : 0.7) ? emailAddress(random, person) : null,
      company,
      type: customerType(random, repeat),
      createdAt: 0,
      kind,
      city,
    };
    this.byId.set(customer.id, customer);
    return customer;
  }

  /** The company's own prefix, then digits, as printed under the barcode. */
  waybill(): string {
    let waybill: string;
    do waybill = `KD${this.random.int(3, 7)}${this.random.digits(12)}`;
    while (this.waybills.has(waybill));
    this.waybills.add(waybill);
    return waybill;
  }
}

function orderNumber(random: Random, kind: CustomerKind, createdAt: number): string | null {
  if (!random.chance(kind === 'person' ? 0.6 : kind === 'shop' ? 0.9 : 0.2)) return null;
  const ordered = new Date(createdAt - hours(random.int(30, 150)) + hours(8));
  const yymmdd = ordered.toISOString().slice(2, 10).replaceAll('-', '');
  // Formats of the big platforms: Taobao's 19 digits, Pinduoduo's date-prefixed, JD's 12 digits, Douyin's 19 from 6.
  return random.weighted([
    [`${random.int(2, 4)}${random.digits(18)}`, 5],
    [`${yymmdd}-${random.digits(15)}`, 3],
    [`${random.int(2, 3)}${random.digits(11)}`, 2],
    [`6${random.digits(18)}`, 2],
  ] as const);
}

function draftCase(random: Random, staff: Staff, identities: Identities, customer: Customer, createdAt: number, category?: Category): Draft {
  const business = customer.kind !== 'person';
  category ??= random.weighted(
    CATEGORY_WEIGHTS.map(([name, weight]) => [name, business && (name === 'billing' || name === 'pickup') ? weight * 2.5 : weight] as const),
  );
  const channel = random.weighted(CHANNEL_WEIGHTS);
  const destination = business ? receivingCity(random, customer.city) : customer.city;
  const origin = business ? customer.city : sendingCity(random, customer.city);
  const shipment = {
    origin,
    originOutlet: random.pick(origin.outlets),
    destination,
    destinationOutlet: random.pick(destination.outlets),
    hub: troubledHub(random, origin, destination),
  };
  const story = tellStory({ random, category, shipment, customerKind: customer.kind, createdAt, courier: personName(random).name });
  const severity = escalated(random, story.severity, channel);
  const intakeAgent = channel === 'management' || channel === 'regulator' || random.chance(0.1) ? staff.pick(random, 'cs_supervisor') : staff.pick(random, 'cs_agent');
  const upheld = random.chance(story.upheld);
  const offer = upheld ? settle(random, category, story.claim) : null;
  const plan: CasePlan = {
    id: random.uuid(),
    createdAt,
    pace: PACE[severity] * random.logNormal(1, 0.35),
    intakeAgent,
    investigator:
      (category === 'pickup' || category === 'misdelivered') && random.chance(0.6)
        ? staff.pick(random, 'operations')
        : staff.pick(random, random.chance(0.85) ? 'quality_investigator' : 'operations'),
    csAgent: intakeAgent.role === 'cs_agent' ? intakeAgent : staff.pick(random, 'cs_agent'),
    fixer: staff.pick(random, random.chance(0.8) ? 'operations' : 'quality_investigator'),
    preventiveOwner: staff.pick(random, random.weighted([['operations', 6], ['quality_investigator', 3], ['department_head', 1]] as const)),
    watchers: watchersFor(random, staff, severity, channel),
    upheld,
    cause: story.cause,
    rebuttal: story.rebuttal,
    offer,
    rejectedOnce: (offer?.amount ?? 0) > 500 && random.chance(0.05),
    reopen: upheld ? ((offer?.amount ?? 0) > 0 && random.chance(0.02) ? 'compensation' : null) : random.chance(0.05) ? 'investigation' : null,
    stall: null,
    approvalsBeforeStall: 0,
    awaitingCustomer: false,
  };
  const waybill = identities.waybill();
  const title = story.title;
  return {
    plan,
    random,
    row: {
      id: plan.id,
      createdAt,
      title,
      channel,
      category,
      severity,
      customerId: customer.id,
      waybill,
      orderNumber: orderNumber(random, customer.kind, createdAt),
      origin: shipment.originOutlet,
      destination: shipment.destinationOutlet,
      declaredValue: story.declaredValue,
      facts: { occurredAt: new Date(story.occurredAt).toISOString(), location: story.location, description: story.description },
      claim: story.claim,
      createdBy: intakeAgent.id,
      createdData: { number: null, title, column: 'intake', severity, category, channel, customerId: customer.id, waybill },
    },
  };
}

/** A complaint that reached the regulator or management is never treated as minor. */
function escalated(random: Random, severity: Severity, channel: Channel): Severity {
  if (channel !== 'regulator' && channel !== 'management') return severity;
  if (severity === 'general') return 'important';
  return severity === 'important' && random.chance(0.3) ? 'serious' : severity;
}

function watchersFor(random: Random, staff: Staff, severity: Severity, channel: Channel): StaffMember[] {
  const watchers: StaffMember[] = [];
  if (severity === 'serious' || channel === 'management' || channel === 'regulator') watchers.push(staff.pick(random, 'department_head'));
  if (channel === 'regulator') watchers.push(staff.pick(random, 'legal'));
  if (channel === 'management' || random.chance(0.08)) watchers.push(staff.pick(random, 'cs_supervisor'));
  return [...new Map(watchers.map((watcher) => [watcher.id, watcher])).values()];
}

/** What is agreed with the customer once the complaint stands: usually money, sometimes less than asked. */
function settle(random: Random, category: Category, claim: Story['claim']): CasePlan['offer'] {
  if (!involvesMoney(claim)) {
    return random.chance(0.2) && claim.remedies.length > 0 ? { remedies: claim.remedies, amount: null } : null;
  }
  if (random.chance(0.1)) return { remedies: random.pick<Remedy[]>([['reship', 'voucher'], ['voucher']]), amount: null };
  const asked = claim.amount ?? 0;
  const fullClaim = category === 'lost' || category === 'billing' || asked <= 50;
  const share = fullClaim ? 1 : random.weighted([[1, 5], [0.8, 3], [0.6, 2]] as const);
  return { remedies: claim.remedies, amount: share === 1 ? asked : Math.max(10, Math.round((asked * share) / 10) * 10) };
}

interface StallQuota {
  column: CasePlan['stall'];
  count: number;
  minAge: number;
  maxAge: number;
  fits(draft: Draft): boolean;
}

/**
 * The cases that got stuck: serious complaints left too long in intake or investigation (the
 * breaches department heads must see), approvals waiting, corrective actions overdue, customers
 * not reachable for the follow-up call. Without them the board of a well-run month would be empty.
 */
const STALLS: readonly StallQuota[] = [
  { column: 'intake', count: 7, minAge: 26, maxAge: 96, fits: (d) => d.row.severity === 'serious' },
  { column: 'intake', count: 10, minAge: 5, maxAge: 48, fits: (d) => d.row.severity !== 'serious' },
  { column: 'investigation', count: 7, minAge: 36, maxAge: 144, fits: (d) => d.row.severity === 'serious' },
  { column: 'investigation', count: 8, minAge: 48, maxAge: 192, fits: (d) => d.row.severity !== 'serious' },
  { column: 'compensation', count: 12, minAge: 48, maxAge: 168, fits: (d) => (d.plan.offer?.amount ?? 0) > 0 && d.plan.reopen === null },
  { column: 'corrective_action', count: 10, minAge: 96, maxAge: 288, fits: (d) => d.plan.upheld && d.plan.reopen === null },
  { column: 'follow_up', count: 10, minAge: 72, maxAge: 216, fits: (d) => d.plan.reopen === null },
];

function chooseStalls(random: Random, drafts: Draft[], now: number): void {
  for (const quota of STALLS) {
    const candidates = random.shuffle(
      drafts.filter((d) => {
        const age = now - d.row.createdAt;
        return d.plan.stall === null && age >= hours(quota.minAge) && age <= hours(quota.maxAge) && quota.fits(d);
      }),
    );
    if (quota.column === 'compensation') {
      // Large claims first, so that legal review has something waiting too.
      candidates.sort((a, b) => Number((b.plan.offer?.amount ?? 0) > 5000) - Number((a.plan.offer?.amount ?? 0) > 5000));
    }
    for (const draft of candidates.slice(0, quota.count)) {
      draft.plan.stall = quota.column;
      if (quota.column === 'compensation') {
        draft.plan.awaitingCustomer = random.chance(0.3);
        draft.plan.approvalsBeforeStall = draft.plan.awaitingCustomer ? 0 : random.int(0, (draft.plan.offer?.amount ?? 0) > 5000 ? 1 : 0);
      }
    }
  }
}

function headlineIntake(random: Random, staff: Staff, identities: Identities, now: number): Draft {
  const createdAt = now - hours(1);
  const draft = draftCase(random, staff, identities, identities.customer(false, 'person'), createdAt, 'delay');
  const { row, plan } = draft;
  const shipped = createdAt - 4 * DAY - hours(5);
  const value = 880;
  row.title = HEADLINE_INTAKE_TITLE;
  row.severity = 'serious';
  row.channel = 'phone';
  row.origin = '上海浦东张江营业部';
  row.destination = '成都高新营业部';
  row.declaredValue = value;
  row.facts = {
    occurredAt: new Date(shipped + DAY).toISOString(),
    location: '成都双流分拨中心',
    description: `客户${monthDay(shipped)} ${clock(shipped)}在上海浦东张江营业部寄出大闸蟹礼盒（冷链次日达，保价 ${value} 元），物流显示包裹到达成都双流分拨中心后滞留三天，今天才派送。签收时螃蟹大部分已死亡发臭，无法食用，客户已拍照留存。客户要求全额赔偿货款并退还运费。`,
  };
  row.claim = { amount: value + 23, remedies: ['compensation', 'freight_refund'], note: '要求全额赔偿货款 880 元并退还运费 23 元' };
  Object.assign(row.createdData, { title: row.title, severity: row.severity, channel: row.channel });
  Object.assign(plan, { stall: 'intake', watchers: [staff.pick(random, 'department_head')] });
  return draft;
}

function headlineCompensation(random: Random, staff: Staff, identities: Identities, now: number): Draft {
  const createdAt = now - hours(40);
  const draft = draftCase(random, staff, identities, identities.customer(false, 'person'), createdAt, 'lost');
  const { row, plan } = draft;
  const lastScan = createdAt - DAY - hours(7);
  row.title = HEADLINE_COMPENSATION_TITLE;
  row.severity = 'serious';
  row.channel = 'phone';
  row.origin = '深圳南山科技园营业部';
  row.destination = '北京海淀中关村营业部';
  row.declaredValue = 8000;
  row.facts = {
    occurredAt: new Date(lastScan).toISOString(),
    location: '广州白云转运中心',
    description: `客户${monthDay(lastScan - DAY)}在深圳南山科技园营业部寄出电脑主机一台（保价 8,000 元），物流显示${monthDay(lastScan)} ${clock(lastScan)}在广州白云转运中心扫描后再无记录，网点多次查找无果。客户要求按保价金额赔偿 8,000 元。`,
  };
  row.claim = { amount: 8000, remedies: ['compensation'], note: '要求按保价金额赔偿' };
  Object.assign(row.createdData, { title: row.title, severity: row.severity, channel: row.channel });
  Object.assign(plan, {
    pace: 0.3,
    watchers: [staff.pick(random, 'department_head')],
    upheld: true,
    offer: { remedies: ['compensation'], amount: 8000 },
    rejectedOnce: false,
    reopen: null,
    stall: 'compensation',
    approvalsBeforeStall: 0,
    awaitingCustomer: false,
    cause: {
      findings: '广州白云转运中心监控回放：包裹在装车环节被错装至其他线路车辆，经全网查找未果，确认丢失。',
      rootCause: 'staff_operation',
      responsibleParty: '广州白云转运中心 装车组',
      accountabilityMeasure: '责任人承担 20% 赔偿款，班组长扣减绩效 300 元',
      preventiveAction: '装车扫描与车辆线路绑定，错装时扫描枪报警',
    },
  } satisfies Partial<CasePlan>);
  return draft;
}
