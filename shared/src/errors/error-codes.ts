export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalizedText = Record<Locale, string>;

/**
 * Every error the API can answer with: a stable machine-readable code and its human message in
 * both locales. The web shows `messages[locale]`; scripts switch on `code`.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { 'zh-CN': '提交的内容有误，请检查后重试', en: 'The request is invalid' },
  MALFORMED_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  NOT_FOUND: { 'zh-CN': '找不到请求的资源', en: 'The requested resource does not exist' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in first' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  CROSS_SITE_REQUEST: {
    'zh-CN': '请求来自其他网站，已拒绝',
    en: 'The request came from another site and was refused',
  },
  TOO_MANY_REQUESTS: { 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many requests, please try again later' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后再试', en: 'Something went wrong on the server' },
  TRANSITION_REFUSED: { 'zh-CN': '缺少必填信息，案件不能移动到该阶段', en: 'The case cannot move yet: required facts are missing' },
  NOT_A_MOVE: { 'zh-CN': '案件不能从当前阶段移动到该阶段', en: 'The case cannot move from its current column to that one' },
  ROLE_NOT_ALLOWED: { 'zh-CN': '您的角色不能执行此步骤', en: 'Your role may not take this step' },
  VERSION_CONFLICT: {
    'zh-CN': '案件已被他人修改，请刷新后重试',
    en: 'Someone else changed the case meanwhile; reload and try again',
  },
  CASE_NOT_FOUND: { 'zh-CN': '找不到该投诉案件', en: 'The case does not exist' },
  APPROVAL_NOT_ALLOWED: { 'zh-CN': '您不能审批此赔偿', en: 'You may not decide on this compensation' },
  AMOUNT_CHANGED: {
    'zh-CN': '赔偿金额已变更，请按新金额重新审批',
    en: 'The compensation amount has changed; review the new amount',
  },
  USER_NOT_FOUND: { 'zh-CN': '找不到该用户', en: 'The user does not exist' },
  COMMENT_NOT_FOUND: { 'zh-CN': '找不到该评论', en: 'The comment does not exist' },
  EVIDENCE_NOT_FOUND: { 'zh-CN': '找不到该证据附件', en: 'The evidence does not exist' },
  UNSUPPORTED_FILE_TYPE: { 'zh-CN': '不支持该文件类型', en: 'This file type is not supported' },
  FILE_TOO_LARGE: { 'zh-CN': '文件过大', en: 'The file is too large' },
  SECTION_NOT_EDITABLE: {
    'zh-CN': '投诉单当前所处环节不允许修改这部分内容',
    en: 'This part of the case cannot be changed at its current step',
  },
  CUSTOMER_NOT_FOUND: { 'zh-CN': '找不到该客户', en: 'The customer does not exist' },
  USERNAME_TAKEN: { 'zh-CN': '该用户名已被使用', en: 'This username is already taken' },
  CANNOT_DEACTIVATE_SELF: { 'zh-CN': '不能停用自己的账号', en: 'You cannot deactivate your own account' },
  CANNOT_DEMOTE_SELF: {
    'zh-CN': '不能取消自己的管理员角色',
    en: 'You cannot take the admin role away from yourself',
  },
  WRONG_PASSWORD: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  LOGIN_THROTTLED: { 'zh-CN': '登录失败次数过多，请稍后再试', en: 'Too many failed sign-in attempts, please try again later' },
  VIEW_NAME_TAKEN: { 'zh-CN': '已有同名的视图', en: 'You already have a view with this name' },
  VIEW_NOT_FOUND: { 'zh-CN': '找不到该视图', en: 'The view does not exist' },
  RATE_LIMITED: { 'zh-CN': '实时消息发送过于频繁，请稍后再试', en: 'Too many realtime messages, slow down' },
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ApiErrorBody {
  code: ErrorCode;
  /** In the locale the request asked for (Accept-Language), zh-CN by default. */
  message: string;
  messages: LocalizedText;
  details?: unknown;
  /** TRANSITION_REFUSED: the facts the case still lacks, as dotted paths (see FACT_LABELS). */
  missing?: string[];
}

/** Picks the first supported locale from an Accept-Language header; zh-CN when none matches. */
export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const quality = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: quality ? Number(quality.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
