import { describe, expect, it } from 'vitest';
import { en } from './en';
import { format } from './types';
import { zhCN } from './zh-CN';

describe('i18n catalogues', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, message] of Object.entries(zhCN)) {
      const other = en[key as keyof typeof zhCN];
      if (typeof message === 'string' && typeof other === 'string') expect(names(other), key).toEqual(names(message));
    }
  });

  it('fills placeholders and pluralises English points', () => {
    expect(format(zhCN['tile.short'], { n: 18 })).toBe('还差 18 分');
    expect(format(en['tile.price'], { n: 1 })).toBe('1 point');
    expect(format(en['tile.price'], { n: 30 })).toBe('30 points');
  });
});
