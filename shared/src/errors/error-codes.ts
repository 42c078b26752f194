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
  TOO_MANY_REQUESTS: { 'zh-CN': '操作过于频繁，请稍后再试', en: 'Too many requests, please try again later' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后再试', en: 'Something went wrong on the server' },
} as const satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ApiErrorBody {
  code: ErrorCode;
  /** In the locale the request asked for (Accept-Language), zh-CN by default. */
  message: string;
  messages: LocalizedText;
  details?: unknown;
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
