/** The app shell's own words; each feature keeps its wording in its own `*.messages.ts`. */
export const appZhCN = {
  app: { title: '投诉处理看板', loading: '正在加载…', loadFailed: '看板加载失败：{{message}}', retry: '重试' },
  language: { label: '语言', 'zh-CN': '中文', en: 'English' },
  nav: { label: '主导航', board: '看板' },
};

export const appEn: typeof appZhCN = {
  app: { title: 'Complaint board', loading: 'Loading…', loadFailed: 'The board could not be loaded: {{message}}', retry: 'Retry' },
  language: { label: 'Language', 'zh-CN': '中文', en: 'English' },
  nav: { label: 'Main', board: 'Board' },
};
