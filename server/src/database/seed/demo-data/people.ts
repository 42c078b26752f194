import type { CustomerType } from '@app/shared';
import type { Random } from './random.js';

/** The commonest surnames, weighted roughly by how often they occur, with the pinyin used in e-mail addresses. */
const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 72], ['李', 'li', 71], ['张', 'zhang', 68], ['刘', 'liu', 52], ['陈', 'chen', 45],
  ['杨', 'yang', 31], ['赵', 'zhao', 20], ['黄', 'huang', 20], ['周', 'zhou', 19], ['吴', 'wu', 19],
  ['徐', 'xu', 13], ['孙', 'sun', 12], ['胡', 'hu', 11], ['朱', 'zhu', 11], ['高', 'gao', 10],
  ['林', 'lin', 10], ['何', 'he', 10], ['郭', 'guo', 10], ['马', 'ma', 9], ['罗', 'luo', 8],
  ['梁', 'liang', 7], ['宋', 'song', 7], ['郑', 'zheng', 7], ['谢', 'xie', 6], ['韩', 'han', 6],
  ['唐', 'tang', 6], ['冯', 'feng', 6], ['于', 'yu', 5], ['董', 'dong', 5], ['萧', 'xiao', 5],
  ['程', 'cheng', 5], ['曹', 'cao', 5], ['袁', 'yuan', 5], ['邓', 'deng', 5], ['许', 'xu', 5],
  ['傅', 'fu', 4], ['沈', 'shen', 4], ['曾', 'zeng', 4], ['彭', 'peng', 4], ['吕', 'lv', 4],
  ['苏', 'su', 4], ['卢', 'lu', 4], ['蒋', 'jiang', 4], ['蔡', 'cai', 4], ['贾', 'jia', 3],
  ['丁', 'ding', 3], ['魏', 'wei', 3], ['薛', 'xue', 3], ['叶', 'ye', 3], ['阎', 'yan', 3],
  ['余', 'yu', 3], ['潘', 'pan', 3], ['杜', 'du', 3], ['戴', 'dai', 3], ['夏', 'xia', 3],
  ['钟', 'zhong', 3], ['汪', 'wang', 3], ['田', 'tian', 3], ['任', 'ren', 3], ['姜', 'jiang', 3],
  ['范', 'fan', 3], ['方', 'fang', 3], ['石', 'shi', 3], ['姚', 'yao', 3], ['谭', 'tan', 3],
  ['廖', 'liao', 2], ['邹', 'zou', 2], ['熊', 'xiong', 2], ['金', 'jin', 2], ['陆', 'lu', 2],
  ['郝', 'hao', 2], ['孔', 'kong', 2], ['白', 'bai', 2], ['崔', 'cui', 2], ['康', 'kang', 2],
  ['毛', 'mao', 2], ['邱', 'qiu', 2], ['秦', 'qin', 2], ['江', 'jiang', 2], ['史', 'shi', 2],
  ['顾', 'gu', 2], ['侯', 'hou', 2], ['邵', 'shao', 2], ['孟', 'meng', 2], ['龙', 'long', 2],
  ['万', 'wan', 2], ['段', 'duan', 2], ['钱', 'qian', 2], ['汤', 'tang', 2], ['尹', 'yin', 2],
  ['黎', 'li', 2], ['易', 'yi', 2], ['常', 'chang', 2], ['武', 'wu', 2], ['乔', 'qiao', 2],
  ['贺', 'he', 2], ['赖', 'lai', 2], ['龚', 'gong', 2], ['文', 'wen', 2], ['欧阳', 'ouyang', 1],
];
const SURNAME_WEIGHTS = SURNAMES.map(([surname, pinyin, weight]) => [[surname, pinyin] as const, weight] as const);

/** Given names as people actually carry them, across generations (建国 and 子涵 both call the hotline). */
const GIVEN_NAMES = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚',
  '秀英', '秀兰', '桂英', '建华', '建国', '建军', '志强', '志伟', '晓燕', '海燕', '玉兰', '春梅', '红梅', '雪梅', '丽娟', '桂芳',
  '淑珍', '国庆', '立新', '振华', '永强', '海涛', '晓峰', '晓东', '晓明', '文静', '丹丹', '婷婷', '鹏飞', '明辉', '少华', '慧敏',
  '子涵', '浩然', '梓轩', '欣怡', '雨桐', '思远', '佳怡', '俊杰', '宇航', '诗涵', '一鸣', '晨曦', '嘉怡', '博文', '子豪', '梦瑶',
  '雅琪', '思琪', '凯', '鑫', '帅', '琳', '倩', '颖', '蕾', '斌', '亮', '健', '彬', '辉', '燕', '玲', '萍', '红', '鹏', '浩',
  '宇', '晨', '阳', '飞', '峰', '雪', '莉', '瑶', '佳', '欣', '昊', '瑞', '天宇', '文博', '家豪', '雨涵', '若曦', '可馨', '紫萱',
  '国华', '德明', '春华', '秋菊', '冬梅', '金凤', '兰英', '凤英', '学军', '卫东', '红兵', '文华', '小龙', '小红', '小燕', '志刚',
];

/** Brand words shared by web shops and factories. */
const TRADE_NAMES = [
  '鑫达', '恒泰', '华盛', '永兴', '宏远', '金诚', '佳美', '瑞丰', '盛世', '天成', '嘉禾', '利民', '新锐', '博源', '汇通', '德润',
  '明辉', '远航', '精工', '优品', '优选', '云朵', '小满', '拾光', '森林', '木棉', '青禾', '晴天', '橙子', '初见', '麦田', '星河',
];
const SHOP_KINDS = ['女装', '童装', '鞋包', '数码', '家居', '茶叶', '母婴', '美妆', '零食', '生鲜', '宠物用品', '户外', '文具', '家纺'];
const FACTORY_KINDS: readonly (readonly [string, string])[] = [
  ['电子', '电子厂'], ['五金', '五金制品有限公司'], ['服饰', '服饰有限公司'], ['塑胶', '塑胶制品厂'], ['机械', '机械配件有限公司'],
  ['包装', '包装材料有限公司'], ['玩具', '玩具厂'], ['灯饰', '灯饰有限公司'], ['陶瓷', '陶瓷有限公司'], ['食品', '食品有限公司'],
];

/** Mobile prefixes of the three operators that are in use today. */
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158',
  '159', '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199',
];

export interface Person {
  name: string;
  pinyinSurname: string;
}

export function personName(random: Random): Person {
  const [surname, pinyinSurname] = random.weighted(SURNAME_WEIGHTS);
  return { name: surname + random.pick(GIVEN_NAMES), pinyinSurname };
}

export type CompanyKind = 'shop' | 'factory';

export function companyName(random: Random, kind: CompanyKind, city: string): string {
  const trade = random.pick(TRADE_NAMES);
  if (kind === 'shop') {
    return random.chance(0.6) ? `${trade}${random.pick(SHOP_KINDS)}旗舰店` : `${city}${trade}电子商务有限公司`;
  }
  return `${city}${trade}${random.pick(FACTORY_KINDS)[1]}`;
}

export function mobilePhone(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + random.digits(8);
}

export function emailAddress(random: Random, person: Person): string {
  if (random.chance(0.45)) return `${random.int(1, 9)}${random.digits(random.int(7, 9))}@qq.com`;
  const domain = random.weighted([['163.com', 5], ['126.com', 2], ['sina.com', 1], ['outlook.com', 1]] as const);
  return `${person.pinyinSurname}${random.pick(['', '_', '.'])}${random.digits(random.int(2, 4))}@${domain}`;
}

export function customerType(random: Random, repeatComplainer: boolean): CustomerType | null {
  // Those who call again and again are mostly the negotiators and the watchdogs.
  if (repeatComplainer) {
    return random.weighted([['negotiator', 4], ['quality_watchdog', 3], ['victim', 2], ['rational', 1]] as const);
  }
  return random.weighted([
    ['rational', 45], ['victim', 18], ['negotiator', 12], ['quality_watchdog', 8], ['loyal_advocate', 9], [null, 8],
  ] as const);
}
