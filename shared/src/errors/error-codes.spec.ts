import { describe, expect, it } from 'vitest';
import { pickLocale } from './error-codes.js';

describe('pickLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0.4, zh-TW;q=0.8', 'zh-CN'],
    ['de', 'zh-CN'],
  ])('%j -> %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });
});
