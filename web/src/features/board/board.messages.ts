export const boardZhCN = { caseCount: '{{count}} 件', empty: '暂无投诉单', columnLabel: '{{column}}，{{count}} 件' };

export const boardEn: typeof boardZhCN = { caseCount: '{{count}} cases', empty: 'No cases', columnLabel: '{{column}}, {{count}} cases' };
