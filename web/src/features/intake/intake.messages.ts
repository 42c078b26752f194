/** Intake's wording; field labels are the drawer's (`caseDrawer.field.*`), so a field is called the same everywhere. */
export const intakeZhCN = {
  open: '新建投诉',
  title: '新建投诉',
  hint: '带 * 的为必填项。输入电话后自动查找老客户；Ctrl+Enter 提交。',
  group: { customer: '投诉人', shipment: '运单', complaint: '投诉内容', claim: '客户诉求' },
  newCustomer: '新客户：此前没有该电话的投诉记录。',
  knownCustomer: '老客户：已按客户档案填入姓名和类型，请与来电人核对。',
  lookupFailed: '查找客户失败，可继续手工填写',
  openOnWaybill: '注意：该运单已有 {{count}} 个未结案的投诉，请确认是否为同一问题。',
  fixFields: '有 {{count}} 项需要修改，请查看标红的字段。',
  submit: '提交投诉',
  submitting: '正在提交…',
  shortcut: 'Ctrl+Enter 提交',
  failed: '提交失败，请稍后重试',
};

export const intakeEn: typeof intakeZhCN = {
  open: 'New complaint',
  title: 'New complaint',
  hint: 'Fields marked * are required. The phone number finds a returning customer; Ctrl+Enter submits.',
  group: { customer: 'Customer', shipment: 'Shipment', complaint: 'Complaint', claim: 'What the customer asks for' },
  newCustomer: 'New customer: no earlier complaints from this phone number.',
  knownCustomer: "Returning customer: name and type filled in from the customer's record; check them with the caller.",
  lookupFailed: 'Could not look the customer up; carry on by hand',
  openOnWaybill: 'Note: this waybill already has {{count}} open complaint(s). Check whether it is the same problem.',
  fixFields: '{{count}} field(s) need attention; see the ones marked in red.',
  submit: 'Submit complaint',
  submitting: 'Submitting…',
  shortcut: 'Ctrl+Enter submits',
  failed: 'Could not submit; please try again later',
};
