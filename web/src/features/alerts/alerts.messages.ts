/** The breach alerts' wording. */
export const alertsZhCN = {
  label: '超时提醒',
  breached_first_response: '首次响应已超时',
  breached_resolution: '解决时限已超时',
  unknownCase: '查看投诉单',
  dismiss: '关闭提醒',
  more: '另有 {{count}} 条超时提醒',
  escalations: '查看升级看板',
  dismissAll: '全部关闭',
};

export const alertsEn: typeof alertsZhCN = {
  label: 'SLA breach alerts',
  breached_first_response: 'First response overdue',
  breached_resolution: 'Resolution overdue',
  unknownCase: 'Open the case',
  dismiss: 'Dismiss alert',
  more: '{{count}} more breach alerts',
  escalations: 'See the escalation view',
  dismissAll: 'Dismiss all',
};
