export const zhCN = {
  app: { title: '投诉处理看板', loading: '正在加载…', loadFailed: '看板加载失败：{{message}}', retry: '重试' },
  column: {
    intake: '受理',
    investigation: '调查核实',
    compensation: '赔偿审批',
    corrective_action: '整改',
    follow_up: '回访',
    closed: '结案',
  },
  severity: { serious: '严重', important: '重要', general: '一般' },
  board: { caseCount: '{{count}} 件', empty: '暂无投诉单', columnLabel: '{{column}}，{{count}} 件' },
  language: { label: '语言', 'zh-CN': '中文', en: 'English' },
};

export type Messages = typeof zhCN;
