import type { Random } from './random.js';

/** A city of the network: its sorting hub, its counters, and how much it ships and receives. */
export interface City {
  name: string;
  hub: string;
  outlets: readonly string[];
  /** Weight as a sender: the e-commerce and factory towns ship most. */
  sends: number;
  /** Weight as a destination: roughly the consumers living there. */
  receives: number;
  /** Far from the line-haul network: longer promised times, more delays. */
  remote?: boolean;
}

export const CITIES: readonly City[] = [
  { name: '上海', hub: '上海青浦分拨中心', outlets: ['上海浦东张江营业部', '上海闵行莘庄营业部', '上海松江九亭营业部'], sends: 9, receives: 9 },
  { name: '北京', hub: '北京顺义转运中心', outlets: ['北京朝阳望京营业部', '北京海淀中关村营业部', '北京大兴亦庄营业部'], sends: 4, receives: 9 },
  { name: '广州', hub: '广州白云转运中心', outlets: ['广州天河营业部', '广州番禺营业部', '广州白云石井营业部'], sends: 10, receives: 6 },
  { name: '深圳', hub: '深圳龙华转运中心', outlets: ['深圳南山科技园营业部', '深圳宝安西乡营业部'], sends: 8, receives: 6 },
  { name: '杭州', hub: '杭州萧山分拨中心', outlets: ['杭州萧山营业部', '杭州西湖文三路营业部', '杭州余杭未来科技城营业部'], sends: 9, receives: 5 },
  { name: '义乌', hub: '金华义乌分拨中心', outlets: ['义乌国际商贸城营业部', '义乌北苑营业部'], sends: 10, receives: 1 },
  { name: '东莞', hub: '东莞虎门转运中心', outlets: ['东莞长安营业部', '东莞虎门营业部'], sends: 6, receives: 2 },
  { name: '苏州', hub: '苏州相城分拨中心', outlets: ['苏州工业园区营业部', '苏州昆山营业部'], sends: 5, receives: 4 },
  { name: '南京', hub: '南京江宁分拨中心', outlets: ['南京鼓楼营业部', '南京江宁营业部'], sends: 2, receives: 4 },
  { name: '宁波', hub: '宁波北仑分拨中心', outlets: ['宁波鄞州营业部'], sends: 3, receives: 2 },
  { name: '成都', hub: '成都双流分拨中心', outlets: ['成都高新营业部', '成都武侯营业部'], sends: 3, receives: 7 },
  { name: '重庆', hub: '重庆沙坪坝转运中心', outlets: ['重庆渝北营业部', '重庆南岸营业部'], sends: 2, receives: 6 },
  { name: '武汉', hub: '武汉东西湖分拨中心', outlets: ['武汉洪山营业部', '武汉江汉营业部'], sends: 2, receives: 5 },
  { name: '长沙', hub: '长沙望城分拨中心', outlets: ['长沙岳麓营业部'], sends: 1, receives: 4 },
  { name: '郑州', hub: '郑州航空港分拨中心', outlets: ['郑州金水营业部'], sends: 2, receives: 4 },
  { name: '西安', hub: '西安临潼转运中心', outlets: ['西安雁塔营业部'], sends: 1, receives: 4 },
  { name: '济南', hub: '济南章丘分拨中心', outlets: ['济南历下营业部'], sends: 1, receives: 3 },
  { name: '青岛', hub: '青岛胶州转运中心', outlets: ['青岛崂山营业部'], sends: 2, receives: 3 },
  { name: '天津', hub: '天津武清分拨中心', outlets: ['天津滨海新区营业部'], sends: 2, receives: 4 },
  { name: '沈阳', hub: '沈阳于洪分拨中心', outlets: ['沈阳和平营业部'], sends: 1, receives: 3 },
  { name: '合肥', hub: '合肥肥西分拨中心', outlets: ['合肥蜀山营业部'], sends: 1, receives: 3 },
  { name: '福州', hub: '福州闽侯转运中心', outlets: ['福州鼓楼营业部'], sends: 1, receives: 2 },
  { name: '厦门', hub: '厦门集美转运中心', outlets: ['厦门思明营业部'], sends: 2, receives: 2 },
  { name: '昆明', hub: '昆明呈贡分拨中心', outlets: ['昆明五华营业部'], sends: 1, receives: 2, remote: true },
  { name: '哈尔滨', hub: '哈尔滨道里分拨中心', outlets: ['哈尔滨南岗营业部'], sends: 1, receives: 2, remote: true },
  { name: '乌鲁木齐', hub: '乌鲁木齐米东转运中心', outlets: ['乌鲁木齐天山营业部'], sends: 0.3, receives: 1, remote: true },
];

/** The two biggest hubs handle the most parcels and so draw the most complaints: the month's hot spots. */
const HUB_TROUBLE: Readonly<Record<string, number>> = { 上海青浦分拨中心: 3, 广州白云转运中心: 2.5, 金华义乌分拨中心: 1.8 };

export const LINE_HAUL_CARRIERS = ['恒通干线运输有限公司', '捷运冷链物流有限公司', '华航货运代理有限公司', '顺畅汽运有限公司'];

export function sendingCity(random: Random, except?: City): City {
  return random.weighted(CITIES.filter((city) => city !== except).map((city) => [city, city.sends] as const));
}

export function receivingCity(random: Random, except?: City): City {
  return random.weighted(CITIES.filter((city) => city !== except).map((city) => [city, city.receives] as const));
}

/** The hub on the route where a parcel most likely came to harm. */
export function troubledHub(random: Random, origin: City, destination: City): string {
  return random.weighted([
    [origin.hub, HUB_TROUBLE[origin.hub] ?? 1],
    [destination.hub, HUB_TROUBLE[destination.hub] ?? 1],
  ]);
}

export type GoodsKind = 'fresh' | 'fragile' | 'electronics' | 'document' | 'apparel' | 'general' | 'valuable' | 'parts';

export interface Goods {
  name: string;
  kind: GoodsKind;
  min: number;
  max: number;
}

export const GOODS: readonly Goods[] = [
  { name: '大闸蟹礼盒', kind: 'fresh', min: 300, max: 1200 },
  { name: '车厘子', kind: 'fresh', min: 200, max: 600 },
  { name: '冷冻海鲜', kind: 'fresh', min: 200, max: 900 },
  { name: '鲜花', kind: 'fresh', min: 100, max: 400 },
  { name: '榴莲', kind: 'fresh', min: 200, max: 500 },
  { name: '笔记本电脑', kind: 'electronics', min: 4000, max: 12000 },
  { name: '手机', kind: 'electronics', min: 1500, max: 8000 },
  { name: '平板电脑', kind: 'electronics', min: 2000, max: 6000 },
  { name: '电脑主机', kind: 'electronics', min: 3000, max: 10000 },
  { name: '显示器', kind: 'electronics', min: 800, max: 3000 },
  { name: '蓝牙耳机', kind: 'electronics', min: 200, max: 1500 },
  { name: '相机镜头', kind: 'electronics', min: 3000, max: 15000 },
  { name: '扫地机器人', kind: 'electronics', min: 1500, max: 4000 },
  { name: '陶瓷茶具', kind: 'fragile', min: 200, max: 2000 },
  { name: '红酒', kind: 'fragile', min: 300, max: 3000 },
  { name: '白酒礼盒', kind: 'fragile', min: 500, max: 5000 },
  { name: '玻璃花瓶', kind: 'fragile', min: 100, max: 800 },
  { name: '护肤品套装', kind: 'general', min: 200, max: 2000 },
  { name: '茶叶', kind: 'general', min: 200, max: 3000 },
  { name: '书籍', kind: 'general', min: 50, max: 300 },
  { name: '空气炸锅', kind: 'general', min: 200, max: 800 },
  { name: '保健品', kind: 'general', min: 100, max: 1000 },
  { name: '羽绒服', kind: 'apparel', min: 300, max: 2000 },
  { name: '运动鞋', kind: 'apparel', min: 300, max: 1500 },
  { name: '女装', kind: 'apparel', min: 100, max: 600 },
  { name: '童装', kind: 'apparel', min: 80, max: 400 },
  { name: '合同文件', kind: 'document', min: 0, max: 0 },
  { name: '投标文件', kind: 'document', min: 0, max: 0 },
  { name: '证件材料', kind: 'document', min: 0, max: 0 },
  { name: '黄金饰品', kind: 'valuable', min: 3000, max: 20000 },
  { name: '字画', kind: 'valuable', min: 2000, max: 20000 },
  { name: '机械零部件样品', kind: 'parts', min: 500, max: 20000 },
  { name: '电路板样品', kind: 'parts', min: 1000, max: 12000 },
  { name: '面料样品', kind: 'parts', min: 200, max: 2000 },
];

export function goodsOfKinds(random: Random, kinds: readonly (readonly [GoodsKind, number])[]): Goods {
  const kind = random.weighted(kinds);
  return random.pick(GOODS.filter((goods) => goods.kind === kind));
}

/** A value as people state it: round hundreds for expensive goods, round tens below. */
export function goodsValue(random: Random, goods: Goods): number {
  const raw = random.between(goods.min, goods.max);
  return raw >= 1000 ? Math.round(raw / 100) * 100 : Math.round(raw / 10) * 10;
}
