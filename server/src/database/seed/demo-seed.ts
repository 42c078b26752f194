import type { DataSource } from 'typeorm';
import type { CaseColumn, Severity } from '@app/shared';

interface SeedCase {
  title: string;
  column: CaseColumn;
  severity: Severity;
  hoursAgo: number;
}

const STARTER_CASES: SeedCase[] = [
  { title: '生鲜包裹延误三天，客户要求全额赔偿', column: 'intake', severity: 'serious', hoursAgo: 1 },
  { title: '快递员未经同意将包裹放在驿站', column: 'intake', severity: 'general', hoursAgo: 3 },
  { title: '物流信息显示已签收但未收到', column: 'investigation', severity: 'important', hoursAgo: 20 },
  { title: '手机外箱破损，屏幕碎裂', column: 'investigation', severity: 'serious', hoursAgo: 9 },
  { title: '同城件收取异常高运费', column: 'compensation', severity: 'general', hoursAgo: 30 },
  { title: '电脑主机丢失，申报价值 8,000 元', column: 'compensation', severity: 'serious', hoursAgo: 40 },
  { title: '分拨中心错发至外省', column: 'corrective_action', severity: 'important', hoursAgo: 55 },
  { title: '快递员电话中态度恶劣', column: 'corrective_action', severity: 'general', hoursAgo: 60 },
  { title: '三件货物只收到两件', column: 'follow_up', severity: 'important', hoursAgo: 70 },
  { title: '上门揽收多次爽约', column: 'follow_up', severity: 'general', hoursAgo: 80 },
  { title: '易碎品包装不当导致破损', column: 'closed', severity: 'important', hoursAgo: 120 },
  { title: '运单轨迹长时间未更新', column: 'closed', severity: 'general', hoursAgo: 150 },
];

/** Fills an empty board with starter cases so a first start shows a working board. */
export async function seedDemoData(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM cases');
    if (count > 0) return 0;
    for (const seed of STARTER_CASES) {
      await manager.query(
        `INSERT INTO cases (number, title, board_column, severity, created_at, updated_at)
         SELECT next_case_number(t), $1, $2, $3, t, t FROM (SELECT now() - make_interval(hours => $4) AS t) AS taken`,
        [seed.title, seed.column, seed.severity, seed.hoursAgo],
      );
    }
    return STARTER_CASES.length;
  });
}
