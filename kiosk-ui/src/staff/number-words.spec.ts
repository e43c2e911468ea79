import { describe, expect, it } from 'vitest';
import { MAX_NUMBER_IN_WORDS, numberInWords } from './number-words';

describe('numbers in words', () => {
  it('reads numbers in Chinese as they are said', () => {
    const cases: [number, string][] = [
      [0, '零'],
      [7, '七'],
      [10, '十'],
      [15, '十五'],
      [20, '二十'],
      [100, '一百'],
      [105, '一百零五'],
      [110, '一百一十'],
      [1000, '一千'],
      [1005, '一千零五'],
      [1050, '一千零五十'],
      [9999, '九千九百九十九'],
      [10000, '一万'],
      [10029, '一万零二十九'],
      [15000, '一万五千'],
      [100000, '十万'],
      [110000, '十一万'],
      [1000001, '一百万零一'],
      [100050000, '一亿零五万'],
      [100000000, '一亿'],
    ];
    for (const [n, words] of cases) expect(numberInWords(n, 'zh-CN'), String(n)).toBe(words);
  });

  it('reads numbers in English words', () => {
    const cases: [number, string][] = [
      [0, 'zero'],
      [10, 'ten'],
      [15, 'fifteen'],
      [42, 'forty-two'],
      [105, 'one hundred and five'],
      [1000, 'one thousand'],
      [9999, 'nine thousand nine hundred and ninety-nine'],
      [10029, 'ten thousand and twenty-nine'],
      [1000001, 'one million and one'],
      [2500300, 'two million five hundred thousand three hundred'],
    ];
    for (const [n, words] of cases) expect(numberInWords(n, 'en'), String(n)).toBe(words);
  });

  it('refuses what it cannot read: fractions, negatives, too large', () => {
    expect(() => numberInWords(1.5, 'zh-CN')).toThrow(RangeError);
    expect(() => numberInWords(-1, 'en')).toThrow(RangeError);
    expect(() => numberInWords(MAX_NUMBER_IN_WORDS + 1, 'zh-CN')).toThrow(RangeError);
    expect(numberInWords(MAX_NUMBER_IN_WORDS, 'zh-CN')).toBe('九千九百九十九亿九千九百九十九万九千九百九十九');
  });
});
