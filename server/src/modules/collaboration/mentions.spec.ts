import { describe, expect, it } from 'vitest';
import { mentionedUsernames } from './mentions.js';

describe('mentionedUsernames', () => {
  it('finds @usernames in Chinese and English text, in order, once each', () => {
    expect(mentionedUsernames('请@quality 核实，@Operations 配合。@quality 谢谢')).toEqual(['quality', 'operations']);
  });

  it('keeps dots, dashes and underscores inside a name but drops a sentence-ending dot', () => {
    expect(mentionedUsernames('Ask @li.na-2 and @wang_wei.')).toEqual(['li.na-2', 'wang_wei']);
  });

  it('does not read e-mail addresses or a lone @ as mentions', () => {
    expect(mentionedUsernames('Customer wrote from wang@example.com @ 10:00')).toEqual([]);
  });
});
