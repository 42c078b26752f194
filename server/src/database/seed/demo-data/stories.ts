import type { Category, Remedy, RootCause, Severity } from '@app/shared';
import { beijingHour, beijingMidnight, clock, DAY, hours, monthDay } from './calendar.js';
import { goodsOfKinds, goodsValue, LINE_HAUL_CARRIERS, type City, type GoodsKind } from './network.js';
import type { Random } from './random.js';

export type CustomerKind = 'person' | 'shop' | 'factory';

/** The shipment a complaint is about, as drawn before its story is told. */
export interface Shipment {
  origin: City;
  originOutlet: string;
  destination: City;
  destinationOutlet: string;
  /** The hub on the route where things went wrong, if they went wrong in a hub. */
  hub: string;
}

export interface StoryInput {
  random: Random;
  category: Category;
  shipment: Shipment;
  customerKind: CustomerKind;
  createdAt: number;
  /** A colleague's name: the courier or clerk the complaint is about. */
  courier: string;
}

/** What the investigation found when the complaint stands, and what was done about it. */
export interface Cause {
  findings: string;
  rootCause: RootCause;
  responsibleParty: string;
  accountabilityMeasure: string;
  preventiveAction: string;
}

/** What the investigation found when it does not. */
export interface Rebuttal {
  findings: string;
  customerExplanation: string;
}

export interface Story {
  title: string;
  description: string;
  location: string;
  occurredAt: number;
  severity: Severity;
  declaredValue: number | null;
  claim: { amount: number | null; remedies: Remedy[]; note: string };
  /** Share of such complaints that the investigation upholds. */
  upheld: number;
  cause: Cause;
  rebuttal: Rebuttal;
}

const FRESH_SPOILAGE: Readonly<Record<string, string>> = {
  大闸蟹礼盒: '螃蟹大部分已死亡发臭',
  车厘子: '果实软烂发霉',
  冷冻海鲜: '冰袋全部融化，海鲜解冻变质',
  鲜花: '花材全部枯萎',
  榴莲: '果肉变质发酸',
};

const DAMAGE: Readonly<Record<GoodsKind, readonly string[]>> = {
  electronics: ['屏幕碎裂', '外壳变形无法开机', '屏幕出现裂纹和坏点', '机身凹陷无法正常使用'],
  fragile: ['碎裂', '破损严重', '多件碎裂'],
  fresh: ['泡沫箱破裂，冰袋漏水', '包装挤压变形，内件受损'],
  apparel: ['被油污污染', '被划破'],
  general: ['被压变形，部分内件破损', '受潮损坏'],
  document: ['被水浸湿，字迹模糊'],
  valuable: ['表面划伤', '边角磕损'],
  parts: ['零件弯折变形', '精密部件撞击受损'],
};

const severityOf = (random: Random, serious: number, important: number): Severity =>
  random.weighted([
    ['serious', serious],
    ['important', important],
    ['general', Math.max(0, 1 - serious - important)],
  ] as const);

/** Freight as charged for an ordinary parcel. */
const freight = (random: Random) => random.int(12, 28);

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

function pickGoods(random: Random, kinds: readonly (readonly [GoodsKind, number])[]) {
  const goods = goodsOfKinds(random, kinds);
  const value = goodsValue(random, goods);
  // Documents and cheap goods are rarely insured; expensive ones mostly are.
  const insured = goods.kind !== 'document' && random.chance(value >= 2000 ? 0.85 : 0.45);
  return { goods, value, declaredValue: insured ? value : null };
}

/** A moment within `withinHours` before `before` when couriers and counters are at work. */
function workingTime(random: Random, before: number, withinHours: number): number {
  const at = before - hours(random.between(0.5, withinHours));
  const hour = beijingHour(at);
  if (hour >= 8 && hour < 21) return at;
  return beijingMidnight(at) - (hour < 8 ? DAY : 0) + hours(random.between(9, 20.5));
}

type Builder = (input: StoryInput) => Story;

const delay: Builder = ({ random, shipment, customerKind, createdAt }) => {
  const { origin, destination, hub, originOutlet, destinationOutlet } = shipment;
  const kinds: [GoodsKind, number][] =
    customerKind === 'factory'
      ? [['parts', 5], ['document', 2]]
      : [['fresh', 3], ['general', 4], ['apparel', 4], ['electronics', 2], ['document', 1.5], ['fragile', 1]];
  const { goods, value, declaredValue } = pickGoods(random, kinds);
  const days = random.weighted([[1, 3], [2, 4], [3, 3], [4, 1], [5, 1]] as const) + (destination.remote ? 1 : 0);
  const arrived = createdAt - hours(random.int(2, 10)) - (days - 1) * DAY - hours(random.int(0, 12));
  const shipped = arrived - hours(random.int(10, 30));
  const g = goods.name;
  let title: string;
  let detail: string;
  let severity: Severity;
  let claim: Story['claim'];
  if (goods.kind === 'fresh') {
    title = random.pick([`冷链生鲜延误 ${days} 天，货物变质`, `${g}延误 ${days} 天送达，已腐坏`, `${g}在${hub}滞留 ${days} 天，签收时已变质`]);
    detail = `签收时${FRESH_SPOILAGE[g]}，已无法食用，客户拍照留存。`;
    severity = severityOf(random, 0.45, 0.45);
    claim = { amount: value, remedies: ['compensation', 'freight_refund'], note: '要求全额赔偿货款并退还运费' };
  } else if (goods.kind === 'document') {
    const [impact, consequence] = random.pick([
      ['客户错过投标截止时间', '客户错过了投标截止时间'],
      ['影响客户合同签署', '合同未能按约定时间签署'],
      ['客户未能按时办理业务', '客户未能按时办理相关业务'],
    ]);
    title = `${g}延误 ${days} 天，${impact}`;
    detail = `客户称该件为急件，寄件时已向收件员说明，延误导致${consequence}。`;
    severity = severityOf(random, 0.45, 0.45);
    claim = { amount: roundTo(random.int(100, 300), 10), remedies: ['compensation', 'apology_letter'], note: '要求赔偿损失并出具书面致歉' };
  } else if (customerKind !== 'person') {
    const parcels = random.int(8, 60);
    title = random.pick([`批量订单在${hub}滞留 ${days} 天，店铺被判延迟发货`, `${parcels} 票电商件延误，买家集中投诉店铺`]);
    detail = `同批 ${parcels} 票均出现延误，店铺被电商平台判定延迟发货并扣分。`;
    severity = severityOf(random, 0.15, 0.6);
    claim = { amount: roundTo(random.int(100, 300), 10), remedies: ['compensation'], note: '要求赔偿平台罚款及运费' };
  } else {
    title = random.pick([
      `${g}超时效 ${days} 天未送达`,
      `承诺次日达，实际第 ${days + 1} 天才签收`,
      `包裹在${hub}滞留 ${days} 天无进展`,
      `寄往${destination.name}的${g}延误 ${days} 天`,
    ]);
    detail = `客户多次致电网点催件未果。`;
    severity = severityOf(random, 0.05, 0.25);
    claim = random.weighted<Story['claim']>([
      [{ amount: freight(random), remedies: ['freight_refund'], note: '要求退还运费' }, 6],
      [{ amount: roundTo(random.int(50, 300), 10), remedies: ['compensation'], note: '要求赔偿延误损失' }, 3],
      [{ amount: null, remedies: ['apology_letter'], note: '要求说明原因并道歉' }, 1],
    ]);
  }
  const carrier = random.pick(LINE_HAUL_CARRIERS);
  const cause = random.weighted<Cause>([
    [
      {
        findings: `调取${hub}扫描记录：包裹${monthDay(arrived)}到达后因大促期间爆仓未能及时分拣，滞留 ${days} 天，延误属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 夜班分拣组`,
        accountabilityMeasure: '分拣组长通报批评，当班主管扣减当月绩效 300 元',
        preventiveAction: '大促期间增开临时分拣班次，积压超过 4 小时的件量每班上报',
      },
      4,
    ],
    [
      {
        findings: `${hub}交叉带分拣机${monthDay(arrived)}故障停机 6 小时，故障期间积压的包裹未转人工分拣，延误属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 设备维护组`,
        accountabilityMeasure: '设备维护组负责人书面检讨，扣减当月绩效 200 元',
        preventiveAction: '分拣设备每周点检，停机超过 1 小时立即启动人工分拣预案',
      },
      2,
    ],
    [
      {
        findings: `干线车辆晚到 5 小时，错过${hub}${clock(arrived)}发车班次，包裹顺延一天发出，延误属实。`,
        rootCause: 'carrier_supplier',
        responsibleParty: `干线承运商 ${carrier}`,
        accountabilityMeasure: '按运输合同对承运商扣罚当班运费的 5%',
        preventiveAction: '与承运商签订时效补充协议，当月晚到两次以上更换该线路承运商',
      },
      3,
    ],
    [
      {
        findings: `目的地加盟网点${destinationOutlet}派件员不足，包裹到站后 ${days} 天未安排派送，延误属实。`,
        rootCause: 'agent',
        responsibleParty: `${destinationOutlet}（加盟网点）`,
        accountabilityMeasure: '按加盟协议对网点罚款 500 元并全网通报',
        preventiveAction: '加盟网点派件量超出运力时由区域中心调派人员支援',
      },
      3,
    ],
    [
      {
        findings: `面单被雨水浸湿无法自动识别，包裹被放入${hub}异常件区后未及时人工补录，延误属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 异常件处理组`,
        accountabilityMeasure: '异常件处理组当班人员扣减绩效 100 元',
        preventiveAction: '异常件每 2 小时清零一次，面单改用防水热敏纸',
      },
      1,
    ],
    [
      {
        findings: `受寒潮降雪影响，${hub}至${destination.name}方向高速封闭，干线停运 ${days} 天，但网点未主动告知客户。`,
        rootCause: 'force_majeure',
        responsibleParty: '天气原因（不可抗力），网点未主动告知',
        accountabilityMeasure: '不涉及个人处罚，网点负责人提醒谈话',
        preventiveAction: '恶劣天气预警时短信通知受影响客户，并提供改走航空件的选项',
      },
      1,
    ],
    [
      {
        findings: `${origin.name}区域销售人员向客户承诺"次日达"，而该线路产品标准时效为 3 天，承诺与实际不符。`,
        rootCause: 'sales',
        responsibleParty: `${origin.name}区域销售部`,
        accountabilityMeasure: '销售人员书面检讨并扣减当月奖金',
        preventiveAction: '对外承诺时效统一以系统时效查询为准，销售话术重新培训',
      },
      1,
    ],
    [
      {
        findings: `寄件人填写的收件地址缺少门牌号，网点核实地址耗时 ${days} 天，期间未告知寄件人，处理不当。`,
        rootCause: 'customer',
        responsibleParty: `寄件人地址不完整；${destinationOutlet} 未及时告知`,
        accountabilityMeasure: '网点客服专员提醒谈话',
        preventiveAction: '下单页面增加地址完整性校验，地址异常件 2 小时内联系寄件人',
      },
      1,
    ],
  ]);
  const rebuttal = random.pick<Rebuttal>([
    {
      findings: `核查：${origin.name}至${destination.name}为跨省陆运线路，标准时效 ${destination.remote ? 6 : 4} 天，中转排队属正常情况，包裹在承诺时效内签收，寄件时电子面单已注明时效。`,
      customerExplanation: '已致电客户说明该线路的标准时效和时效查询方式，客户表示理解。',
    },
    {
      findings: `核查：寄件人选择的是经济件（陆运），标准时效 4-6 天，${hub}等待干线装车期间不产生扫描记录，包裹在时效内送达。`,
      customerExplanation: '已向客户说明经济件与标准快递的时效差别，并告知急件可选择次日达产品。',
    },
  ]);
  return {
    title,
    description: `客户${monthDay(shipped)}在${originOutlet}寄出${g}，寄往${destinationOutlet}。物流显示${monthDay(arrived)} ${clock(arrived)}到达${hub}后滞留 ${days} 天无更新。${detail}${claim.note}。`,
    location: hub,
    occurredAt: arrived,
    severity,
    declaredValue,
    claim,
    upheld: 0.85,
    cause,
    rebuttal,
  };
};

const damaged: Builder = ({ random, shipment, customerKind, createdAt, courier }) => {
  const { hub, originOutlet, destinationOutlet } = shipment;
  const kinds: [GoodsKind, number][] =
    customerKind === 'factory'
      ? [['parts', 6], ['electronics', 1]]
      : [['electronics', 4], ['fragile', 5], ['fresh', 1], ['general', 2], ['apparel', 1], ['valuable', 0.5]];
  const { goods, value, declaredValue } = pickGoods(random, kinds);
  const damage = random.pick(DAMAGE[goods.kind]);
  const signed = workingTime(random, createdAt, 30);
  const g = goods.name;
  const title = random.pick([
    `${g}外箱破损，${damage}`,
    `${g}外箱破损${damage}`,
    `易碎品包装不当导致${g}${damage}`,
    `签收时发现${g}${damage}`,
  ]);
  const valuable = goods.kind === 'electronics' || goods.kind === 'valuable' || value >= 3000;
  const severity = valuable ? severityOf(random, 0.3, 0.5) : severityOf(random, 0.08, 0.4);
  // A repair is often cheaper than the goods; a ruined parcel is claimed in full.
  const total = random.chance(0.55);
  const amount = total ? value : roundTo(value * random.between(0.2, 0.6), 10);
  const claim: Story['claim'] = {
    amount: Math.min(Math.max(amount, 100), 8000),
    remedies: !total && (valuable || goods.kind === 'parts') ? random.pick<Remedy[]>([['compensation'], ['repair', 'compensation']]) : ['compensation'],
    note: total ? '要求按货值全额赔偿' : '要求按损坏程度赔偿',
  };
  const cause = random.weighted<Cause>([
    [
      {
        findings: `调取${hub}监控：包裹在卸车环节被装卸工抛扔，外箱一角着地，破损属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 卸车组 装卸工`,
        accountabilityMeasure: '责任装卸工扣罚 200 元并停岗培训一天，班组长通报批评',
        preventiveAction: `${hub}卸车口加装监控并每日抽查，暴力分拣纳入班组考核`,
      },
      5,
    ],
    [
      {
        findings: `${hub}监控显示包裹在装车时被压在重货下层，外箱受压变形，破损属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 装车组`,
        accountabilityMeasure: '装车组长扣减绩效 150 元',
        preventiveAction: '执行"重不压轻、大不压小"装车规范，易碎件单独装笼',
      },
      3,
    ],
    [
      {
        findings: `寄件网点${originOutlet}（加盟）收件时未按易碎品规范加装缓冲材料，也未粘贴易碎标识。`,
        rootCause: 'agent',
        responsibleParty: `${originOutlet}（加盟网点）`,
        accountabilityMeasure: '按加盟协议对网点罚款 300 元，承担一半赔偿',
        preventiveAction: '加盟网点易碎品包装标准重新培训，收件时拍照留存包装情况',
      },
      2,
    ],
    [
      {
        findings: `干线车辆途中紧急制动，车厢内货物未按要求固定，整车多件货物受损。`,
        rootCause: 'carrier_supplier',
        responsibleParty: `干线承运商 ${random.pick(LINE_HAUL_CARRIERS)}`,
        accountabilityMeasure: '承运商按合同承担货损赔偿',
        preventiveAction: '干线装车后由押运员拍照确认加固，抽检不合格的承运商暂停派单',
      },
      1,
    ],
    [
      {
        findings: `派件员${courier}派送时未当面验货即离开，外包装破损未在签收前发现并上报，破损属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${destinationOutlet} 派件员 ${courier}`,
        accountabilityMeasure: '派件员扣罚 100 元并重新培训签收验货流程',
        preventiveAction: '贵重及易碎件派送必须当面开箱验货，异常件拍照上传',
      },
      2,
    ],
  ]);
  const rebuttal = random.pick<Rebuttal>([
    {
      findings: '签收照片显示外包装完好，收件人已当面验货签字；内件损坏系寄件人自行包装、内部无缓冲材料所致。',
      customerExplanation: '已向客户出示签收照片和验货记录，说明内件损坏不属运输责任，建议与寄件方协商。',
    },
    {
      findings: '包裹全程扫描正常，外箱无挤压痕迹，客户提供的照片为使用后损坏，与运输无关。',
      customerExplanation: '已向客户说明核查结果及依据，并告知如有新证据可再次提交。',
    },
  ]);
  return {
    title,
    description: `客户${monthDay(signed)} ${clock(signed)}签收时发现外箱破损，开箱后${g}${damage}。${
      random.chance(0.5) ? `派件员${courier}未等待当面验货即离开。` : '客户已拍照留存并拒绝签收。'
    }${claim.note}。`,
    location: random.chance(0.7) ? hub : destinationOutlet,
    occurredAt: signed,
    severity,
    declaredValue,
    claim,
    upheld: 0.8,
    cause,
    rebuttal,
  };
};

const lost: Builder = ({ random, shipment, customerKind, createdAt, courier }) => {
  const { hub, originOutlet, destinationOutlet } = shipment;
  const kinds: [GoodsKind, number][] =
    customerKind === 'factory'
      ? [['parts', 4], ['document', 1]]
      : [['electronics', 4], ['apparel', 3], ['general', 3], ['valuable', 1], ['document', 1], ['fragile', 1]];
  const { goods, value, declaredValue } = pickGoods(random, kinds);
  const lastScan = createdAt - hours(random.int(30, 120));
  const g = goods.name;
  const signedButMissing = random.chance(0.25);
  const title = signedButMissing
    ? `物流显示已签收但客户未收到${g}`
    : random.pick([
        declaredValue ? `${g}丢失，申报价值 ${declaredValue.toLocaleString('en-US')} 元` : `${g}运输途中丢失`,
        `包裹在${hub}扫描后下落不明`,
        `${g}丢失，网点查找多日无果`,
      ]);
  const severity = value >= 3000 || goods.kind === 'document' ? severityOf(random, 0.5, 0.4) : severityOf(random, 0.15, 0.55);
  // Without insurance the terms pay at most three times the freight unless the loss is proven, so customers claim their goods' worth anyway.
  const amount = goods.kind === 'document' ? roundTo(random.int(100, 500), 50) : value;
  const claim: Story['claim'] = {
    amount,
    remedies: random.chance(0.6) ? ['compensation', 'freight_refund'] : ['compensation'],
    note: declaredValue ? '要求按保价金额赔偿' : '要求按实际价值赔偿',
  };
  const cause = random.weighted<Cause>([
    [
      {
        findings: `${hub}监控回放：包裹在装车环节被错装至其他线路车辆，经全网查找未果，确认丢失。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 装车组`,
        accountabilityMeasure: '责任人承担 20% 赔偿款，班组长扣减绩效 300 元',
        preventiveAction: '装车扫描与车辆线路绑定，错装时扫描枪报警',
      },
      4,
    ],
    [
      {
        findings: `${hub}夜班临时工私拿包裹，已报警处理，涉事人员已辞退。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 夜班劳务外包人员`,
        accountabilityMeasure: '涉事人员移交公安机关，劳务公司承担全部赔偿',
        preventiveAction: '贵重件进入高值件专区并全程监控，临时工上岗前背景审核',
      },
      1,
    ],
    [
      {
        findings: '干线车辆途中停靠时货物被盗，承运商已报案，确认丢失。',
        rootCause: 'carrier_supplier',
        responsibleParty: `干线承运商 ${random.pick(LINE_HAUL_CARRIERS)}`,
        accountabilityMeasure: '承运商按合同全额承担货损赔偿',
        preventiveAction: '干线车辆加装电子铅封，途中停靠须在指定停车场',
      },
      2,
    ],
    [
      {
        findings: `末端加盟网点${destinationOutlet}派件员${courier}将包裹遗落在派送途中，未按规定上报。`,
        rootCause: 'agent',
        responsibleParty: `${destinationOutlet}（加盟网点）派件员 ${courier}`,
        accountabilityMeasure: '加盟网点承担全部赔偿，派件员停止派件资格',
        preventiveAction: '派件车辆每日收车时清点未派件，差异当日上报',
      },
      2,
    ],
  ]);
  const rebuttal = random.pick<Rebuttal>([
    {
      findings: '调取签收记录和派送录像：包裹已由客户家人代签，客户已在家中找到包裹。',
      customerExplanation: '已与客户确认包裹已找到，客户撤回赔偿要求。',
    },
    {
      findings: '核查：包裹在途正常，因收件地址变更转寄，现已送达，未丢失。',
      customerExplanation: '已告知客户包裹最新位置并协助完成签收。',
    },
  ]);
  return {
    title,
    description: signedButMissing
      ? `物流信息显示包裹已于${monthDay(lastScan)} ${clock(lastScan)}由"本人"签收，但客户从未收到${g}，也未授权任何人代签。${claim.note}。`
      : `客户${monthDay(lastScan - DAY)}在${originOutlet}寄出${g}。物流显示${monthDay(lastScan)} ${clock(lastScan)}在${hub}扫描后再无记录，网点多次查找无果。${claim.note}。`,
    location: signedButMissing ? destinationOutlet : hub,
    occurredAt: lastScan,
    severity,
    declaredValue,
    claim,
    upheld: 0.88,
    cause,
    rebuttal,
  };
};

const misdelivered: Builder = ({ random, shipment, createdAt, courier }) => {
  const { hub, destination, destinationOutlet } = shipment;
  const { goods, value, declaredValue } = pickGoods(random, [['apparel', 3], ['general', 3], ['electronics', 1], ['fresh', 1]]);
  const at = workingTime(random, createdAt, 48);
  const g = goods.name;
  const wrongCity = random.pick(['南宁', '贵阳', '兰州', '太原', '南昌', '石家庄', '呼和浩特', '海口']);
  const variant = random.int(0, 3);
  const title = [
    `包裹被错发至${wrongCity}`,
    `快递员将${g}误投至${random.pick(['邻居家', '隔壁单元', '同名小区'])}`,
    `未经同意将包裹放在${random.pick(['驿站', '快递柜', '门卫室'])}`,
    '同名小区错投，包裹被他人签收',
  ][variant];
  const severity = variant === 0 || value >= 3000 ? severityOf(random, 0.2, 0.45) : severityOf(random, 0.05, 0.3);
  const claim = random.weighted<Story['claim']>([
    [{ amount: null, remedies: ['reship', 'apology_letter'], note: '要求尽快找回并重新派送' }, 5],
    [{ amount: roundTo(random.int(50, 500), 10), remedies: ['compensation'], note: '要求赔偿耽误造成的损失' }, 3],
    [{ amount: null, remedies: ['apology_letter'], note: '要求快递员道歉并送货上门' }, 2],
  ]);
  const cause = random.weighted<Cause>([
    [
      {
        findings: `${hub}分拣员看错面单三段码，将包裹错分至${wrongCity}方向，错发属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 分拣组`,
        accountabilityMeasure: '分拣员扣罚 50 元，班组错分率纳入月度考核',
        preventiveAction: '模糊面单一律转人工复核，三段码打印质量每日抽检',
      },
      variant === 0 ? 8 : 1,
    ],
    [
      {
        findings: `派件员${courier}为赶时效未按地址派送，直接放置驿站且未电话告知，误投属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${destinationOutlet} 派件员 ${courier}`,
        accountabilityMeasure: '派件员扣罚 100 元，当月不参与评优',
        preventiveAction: '放驿站或快递柜前必须征得收件人同意，系统记录通话',
      },
      4,
    ],
    [
      {
        findings: `加盟网点${destinationOutlet}派件员混淆同名小区，包裹被他人签收，已追回。`,
        rootCause: 'agent',
        responsibleParty: `${destinationOutlet}（加盟网点）`,
        accountabilityMeasure: '按加盟协议罚款 200 元',
        preventiveAction: '同名小区在派件系统中标注区分，派件前核对收件人电话',
      },
      3,
    ],
  ]);
  return {
    title,
    description: `客户的${g}应派送至${destination.name}${destinationOutlet.replace(destination.name, '').replace('营业部', '')}，${
      variant === 0 ? `物流显示${monthDay(at)}包裹却到达${wrongCity}` : `${monthDay(at)} ${clock(at)}显示已派送，但包裹被放错地点`
    }，客户至今未拿到包裹。${claim.note}。`,
    location: variant === 0 ? hub : destinationOutlet,
    occurredAt: at,
    severity,
    declaredValue,
    claim,
    upheld: 0.85,
    cause,
    rebuttal: {
      findings: '派送录像及签收底单显示包裹已按客户预留的备用地址投递，客户此前在下单时选择了驿站代收。',
      customerExplanation: '已向客户说明下单时选择的投递方式，并协助其从驿站取回包裹。',
    },
  };
};

const shortItems: Builder = ({ random, shipment, createdAt, customerKind }) => {
  const { hub, destinationOutlet } = shipment;
  const { goods, value, declaredValue } = pickGoods(random, customerKind === 'factory' ? [['parts', 1]] : [['apparel', 3], ['general', 3], ['electronics', 1]]);
  const at = workingTime(random, createdAt, 30);
  const g = goods.name;
  const pieces = random.int(2, 6);
  const missing = random.int(1, Math.max(1, pieces - 1));
  const title = random.pick([
    `${pieces} 件货物只收到 ${pieces - missing} 件`,
    `外包装完好但内件${g}短少`,
    `${g}数量不符，少了 ${missing} 件`,
  ]);
  const amount = Math.min(Math.max(roundTo((value / pieces) * missing, 10), 50), 2000);
  return {
    title,
    description: `客户${monthDay(at)}签收一票 ${pieces} 件的${g}，当场清点发现少了 ${missing} 件，${
      random.chance(0.5) ? '外包装有拆封后重新封装的胶带痕迹' : '子单号物流信息停在中转环节'
    }。要求补发或赔偿短少部分。`,
    location: random.chance(0.6) ? hub : destinationOutlet,
    occurredAt: at,
    severity: severityOf(random, 0.12, 0.5),
    declaredValue,
    claim: { amount, remedies: random.pick<Remedy[]>([['compensation'], ['reship'], ['compensation', 'reship']]), note: '要求补发或赔偿短少部分' },
    upheld: 0.75,
    cause: random.pick<Cause>([
      {
        findings: `一票多件在${hub}分拣时子单与母单分离，子单滞留在异常件区，短少属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 分拣组`,
        accountabilityMeasure: '分拣组长扣减绩效 100 元',
        preventiveAction: '一票多件集包运输，到站时系统校验件数',
      },
      {
        findings: `${hub}监控显示外包装在中转时被拆开，内件被取走，已报警。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 中转组`,
        accountabilityMeasure: '涉事人员移交公安机关，中转组长通报批评',
        preventiveAction: '高值件使用防拆封胶带，中转区监控无死角',
      },
      {
        findings: '干线承运商交接时少交 1 件，交接单签收数量与实际不符。',
        rootCause: 'carrier_supplier',
        responsibleParty: `干线承运商 ${random.pick(LINE_HAUL_CARRIERS)}`,
        accountabilityMeasure: '承运商承担短少部分赔偿',
        preventiveAction: '交接时逐件扫描，数量不符当场拒签',
      },
    ]),
    rebuttal: {
      findings: '寄件网点揽收称重与签收称重一致，外包装无拆封痕迹；经与寄件方核实，系寄件方少发。',
      customerExplanation: '已向客户出示揽收与签收重量记录，说明系寄件方少发，建议联系商家补发。',
    },
  };
};

const wrongTracking: Builder = ({ random, shipment, createdAt, courier }) => {
  const { hub, destinationOutlet } = shipment;
  const at = createdAt - hours(random.int(6, 72));
  const days = random.int(2, 6);
  const variant = random.int(0, 3);
  const title = [`物流轨迹 ${days} 天未更新`, '未派送却显示已签收', '轨迹显示派送中但快递员未上门', '物流信息显示退回但包裹仍在途'][variant];
  return {
    title,
    description: `客户反映${monthDay(at)}起${
      ['物流轨迹一直停留在' + hub, '系统显示已签收，但客户全天在家未见快递员', '显示"派送中"，快递员电话无人接听', '物流信息显示"已退回"，寄件人并未申请退回'][variant]
    }，客户无法判断包裹状态。要求核实并如实更新物流信息。`,
    location: variant === 0 ? hub : destinationOutlet,
    occurredAt: at,
    severity: severityOf(random, 0.05, 0.25),
    declaredValue: null,
    claim: random.weighted<Story['claim']>([
      [{ amount: null, remedies: ['apology_letter'], note: '要求核实并道歉' }, 7],
      [{ amount: null, remedies: ['voucher'], note: '要求补偿' }, 3],
    ]),
    upheld: 0.8,
    cause: random.pick<Cause>([
      {
        findings: `派件员${courier}为冲签收率提前点击签收，包裹次日才派送，虚假签收属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${destinationOutlet} 派件员 ${courier}`,
        accountabilityMeasure: '派件员扣罚 200 元，网点主管通报批评',
        preventiveAction: '签收须在收件地址 500 米范围内完成，系统校验定位',
      },
      {
        findings: `${hub}扫描枪数据上传故障，${days} 天的扫描记录未同步到系统，实际包裹正常流转。`,
        rootCause: 'staff_operation',
        responsibleParty: `${hub} 信息组`,
        accountabilityMeasure: '信息组负责人书面检讨',
        preventiveAction: '扫描数据上传失败时设备报警，信息组每班巡检',
      },
      {
        findings: `加盟网点${destinationOutlet}为规避时效考核批量虚假签收。`,
        rootCause: 'agent',
        responsibleParty: `${destinationOutlet}（加盟网点）`,
        accountabilityMeasure: '按加盟协议罚款 1,000 元并全网通报',
        preventiveAction: '虚假签收纳入网点质量考核，抽查签收录音',
      },
    ]),
    rebuttal: {
      findings: '核查：包裹当时处于航空中转环节，航空段不产生扫描记录，属正常情况。',
      customerExplanation: '已向客户解释航空中转期间轨迹暂不更新的原因，并告知预计送达时间。',
    },
  };
};

const staffAttitude: Builder = ({ random, shipment, createdAt, courier }) => {
  const { originOutlet, destinationOutlet } = shipment;
  const at = workingTime(random, createdAt, 24);
  const variant = random.int(0, 3);
  const title = ['快递员电话中态度恶劣', '快递员拒绝送货上门并辱骂客户', '营业部前台对客户推诿、态度冷淡', '快递员派件时与客户发生争执'][variant];
  const outlet = variant === 2 ? originOutlet : destinationOutlet;
  return {
    title,
    description: `${monthDay(at)} ${clock(at)}，${
      [
        `派件员${courier}来电时语气恶劣，客户询问能否晚些派送即被挂断电话`,
        `派件员${courier}拒绝送货上门，要求客户下楼自取，客户拒绝后遭到辱骂`,
        `客户到${outlet}咨询寄件事宜，前台工作人员不予理睬并多次推诿`,
        `派件员${courier}派件时因签收方式与客户发生争执，言语冲突`,
      ][variant]
    }。客户要求${variant === 2 ? '工作人员' : '快递员'}当面道歉并追究责任。`,
    location: outlet,
    occurredAt: at,
    severity: severityOf(random, 0.04, 0.25),
    declaredValue: null,
    claim: random.weighted<Story['claim']>([
      [{ amount: null, remedies: ['apology_letter'], note: '要求当面道歉' }, 8],
      [{ amount: null, remedies: ['apology_letter', 'voucher'], note: '要求道歉并给予补偿' }, 2],
    ]),
    upheld: 0.7,
    cause: {
      findings: `调取通话录音及执法记录仪：${variant === 2 ? '前台工作人员' : `派件员${courier}`}服务用语不规范，存在不耐烦和不文明用语，投诉属实。`,
      rootCause: variant === 2 || random.chance(0.6) ? 'staff_operation' : 'agent',
      responsibleParty: variant === 2 ? `${outlet} 前台` : `${outlet} 派件员 ${courier}`,
      accountabilityMeasure: random.pick(['责任人当面向客户道歉，扣罚 200 元', '责任人停岗培训三天，当月绩效降级']),
      preventiveAction: '网点每周开展服务礼仪培训，派件通话全程录音并抽检',
    },
    rebuttal: {
      findings: `调取通话录音：${variant === 2 ? '前台' : '派件员'}用语规范，未发现辱骂情况，系双方对派送时间理解不一致。`,
      customerExplanation: '已向客户说明录音核查结果，并转达网点歉意，客户表示接受。',
    },
  };
};

const billing: Builder = ({ random, shipment, createdAt, customerKind }) => {
  const { origin, originOutlet } = shipment;
  const at = workingTime(random, createdAt, 96);
  const overcharge = customerKind === 'person' ? random.int(5, 120) : random.int(50, 1500);
  const variant = random.int(0, 4);
  const title = [
    '同城件收取异常高运费',
    `续重计费与实际重量不符，多收 ${overcharge} 元`,
    '到付件被重复收费',
    '保价费已扣但理赔时称未保价',
    `月结账单出现未寄送的运单，金额 ${overcharge} 元`,
  ][variant];
  return {
    title,
    description: `客户${monthDay(at)}在${originOutlet}寄件，${
      [
        `同城件被收取 ${overcharge + 12} 元运费，远高于价目表`,
        `实际重量 ${random.int(1, 5)} 公斤，却按 ${random.int(6, 12)} 公斤计费`,
        '收件时已付到付运费，寄件人月结账单又被扣一次',
        '寄件时支付了保价费，网点系统中却无保价记录',
        '对账时发现账单中多出多票从未寄送的运单',
      ][variant]
    }，多收 ${overcharge} 元。要求退还多收费用。`,
    location: originOutlet,
    occurredAt: at,
    severity: severityOf(random, 0.03, customerKind === 'person' ? 0.2 : 0.45),
    declaredValue: null,
    claim: { amount: overcharge, remedies: ['freight_refund'], note: '要求退还多收运费' },
    upheld: 0.75,
    cause: random.pick<Cause>([
      {
        findings: `${originOutlet}称重设备未校准，偏差 2 公斤，多收运费属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${originOutlet} 收件员`,
        accountabilityMeasure: '网点主管提醒谈话，收件员扣减绩效 50 元',
        preventiveAction: '称重设备每周校准并留存记录',
      },
      {
        findings: `${origin.name}区域销售报价与系统价格不一致，按系统价结算导致多收。`,
        rootCause: 'sales',
        responsibleParty: `${origin.name}区域销售部`,
        accountabilityMeasure: '销售人员书面检讨',
        preventiveAction: '协议客户价格变更须在系统同步后生效',
      },
      {
        findings: `加盟网点${originOutlet}违规加收费用，与公司价目表不符。`,
        rootCause: 'agent',
        responsibleParty: `${originOutlet}（加盟网点）`,
        accountabilityMeasure: '责令退还多收费用并按协议罚款 500 元',
        preventiveAction: '价格违规纳入加盟网点月度质量考核',
      },
    ]),
    rebuttal: {
      findings: '核查：计费按体积重量计算（泡货），符合公司价目表规定，寄件时已告知。',
      customerExplanation: '已向客户说明体积重量的计算方式和价目表依据。',
    },
  };
};

const pickup: Builder = ({ random, shipment, createdAt, courier, customerKind }) => {
  const { originOutlet } = shipment;
  const at = workingTime(random, createdAt, 48);
  const variant = random.int(0, 3);
  const title = ['上门揽收多次爽约', `预约揽收超时 ${random.int(3, 8)} 小时未上门`, '快递员揽收时拒收合规物品', `揽收后 ${random.int(2, 4)} 天未发出`][variant];
  const business = customerKind !== 'person';
  return {
    title,
    description: `客户预约${monthDay(at)} ${clock(at)}上门揽收，${
      [`${originOutlet}派来的快递员${courier}连续两次未按约上门，也未提前通知`, '快递员超时未到，客户多次联系无人接听', `快递员${courier}以"不好装"为由拒收合规物品`, '揽收后包裹一直停留在网点未发出'][variant]
    }${business ? '，导致店铺当天订单未能按时发出' : ''}。`,
    location: originOutlet,
    occurredAt: at,
    severity: severityOf(random, business ? 0.1 : 0.03, business ? 0.45 : 0.25),
    declaredValue: null,
    claim: business
      ? { amount: roundTo(random.int(50, 500), 10), remedies: ['compensation'], note: '要求赔偿延误发货造成的平台罚款' }
      : random.pick<Story['claim']>([
          { amount: null, remedies: ['apology_letter'], note: '要求道歉并尽快上门' },
          { amount: null, remedies: ['voucher'], note: '要求给予补偿' },
        ]),
    upheld: 0.85,
    cause: random.pick<Cause>([
      {
        findings: `${originOutlet}当天揽收人员请假，网点未调配替班，也未通知客户改约，爽约属实。`,
        rootCause: 'staff_operation',
        responsibleParty: `${originOutlet} 网点主管`,
        accountabilityMeasure: '网点主管扣减绩效 200 元',
        preventiveAction: '揽收人员缺勤时由网点主管当天调配替班',
      },
      {
        findings: `加盟网点${originOutlet}揽收员${courier}私自改约且未告知客户。`,
        rootCause: 'agent',
        responsibleParty: `${originOutlet}（加盟网点）揽收员 ${courier}`,
        accountabilityMeasure: '按加盟协议罚款 200 元',
        preventiveAction: '揽收改约须经客户确认并在系统留痕',
      },
      {
        findings: '销售承诺的"两小时上门"超出该区域揽收服务标准，客户预期与实际不符。',
        rootCause: 'sales',
        responsibleParty: `${shipment.origin.name}区域销售部`,
        accountabilityMeasure: '销售人员提醒谈话',
        preventiveAction: '揽收时效承诺以区域服务标准为准，更新销售话术',
      },
    ]),
    rebuttal: {
      findings: '系统记录显示快递员按约上门，客户电话无人接听，已留言并改约次日。',
      customerExplanation: '已向客户出示上门签到定位记录和通话记录。',
    },
  };
};

const other: Builder = ({ random, shipment, createdAt, courier }) => {
  const { destinationOutlet } = shipment;
  const at = workingTime(random, createdAt, 72);
  const variant = random.int(0, 3);
  const title = ['快递员泄露客户个人信息', '派送车辆堵塞小区消防通道', '营业部电话长期无人接听', '快递柜超时费收取有争议'][variant];
  const privacy = variant === 0;
  return {
    title,
    description: `${monthDay(at)}，${
      [
        `客户收到陌生推销电话，对方准确说出其收件信息，客户怀疑派件员${courier}泄露面单信息`,
        `${destinationOutlet}派送车辆长时间停放在小区消防通道，物业多次劝离无果`,
        `客户连续三天拨打${destinationOutlet}电话均无人接听，无法查询包裹`,
        '快递员未经同意投放快递柜，客户出差未能及时取件被收取超时费',
      ][variant]
    }。`,
    location: destinationOutlet,
    occurredAt: at,
    severity: privacy ? severityOf(random, 0.35, 0.45) : severityOf(random, 0.03, 0.25),
    declaredValue: null,
    claim: privacy
      ? { amount: roundTo(random.int(200, 1000), 100), remedies: ['compensation', 'apology_letter'], note: '要求赔礼道歉并赔偿' }
      : { amount: null, remedies: ['apology_letter'], note: '要求整改并道歉' },
    upheld: 0.7,
    cause: {
      findings: privacy
        ? `核查${destinationOutlet}面单流转记录，派件员${courier}曾拍照外传面单，泄露属实。`
        : `核查属实：${destinationOutlet}管理不到位。`,
      rootCause: 'staff_operation',
      responsibleParty: privacy ? `${destinationOutlet} 派件员 ${courier}` : `${destinationOutlet} 网点主管`,
      accountabilityMeasure: privacy ? '涉事派件员辞退，网点主管通报批评' : '网点主管书面检讨',
      preventiveAction: privacy ? '全网推行隐私面单，派件端隐藏收件人完整电话' : '网点服务规范纳入月度巡检',
    },
    rebuttal: {
      findings: '核查未发现相关违规记录。',
      customerExplanation: '已向客户说明核查过程和结果，并留下网点负责人联系方式。',
    },
  };
};

const BUILDERS: Readonly<Record<Category, Builder>> = {
  delay,
  damaged,
  lost,
  misdelivered,
  short_items: shortItems,
  wrong_tracking: wrongTracking,
  staff_attitude: staffAttitude,
  billing,
  pickup,
  other,
};

export function tellStory(input: StoryInput): Story {
  return BUILDERS[input.category](input);
}

/** What the customer says on the follow-up call. */
export function followUpComment(random: Random, score: number, upheld: boolean): string {
  if (!upheld) {
    return random.pick(['客户对核查结果表示理解', '客户接受解释，但希望今后及时告知', '客户仍有不满，但同意结案']);
  }
  if (score >= 5) return random.pick(['客户对处理结果非常满意，感谢及时跟进', '赔款已到账，客户表示满意', '客户满意，表示会继续使用我司服务']);
  if (score === 4) return random.pick(['客户认可处理方案，款项已到账', '客户基本满意，希望处理再快一些', '客户满意，希望今后避免类似问题']);
  return random.pick(['客户接受方案，但对处理时长有意见', '客户勉强接受，认为赔付偏低', '客户同意结案，对服务态度仍有意见']);
}

/** Why the customer was not satisfied the first time round. */
export function dissatisfaction(random: Random, upheld: boolean): string {
  return upheld
    ? random.pick(['客户认为赔偿金额过低，不接受方案', '客户表示赔款未按约定时间到账', '客户要求追加赔偿运费及误工损失'])
    : random.pick(['客户不认可核查结论，提供了新的照片证据', '客户坚持包裹未签收，要求重新调查']);
}
