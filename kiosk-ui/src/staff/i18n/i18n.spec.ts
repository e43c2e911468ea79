import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../i18n/i18n.svelte';
import { en } from '../../i18n/en';
import type { Message } from '../../i18n/types';
import { zhCN } from '../../i18n/zh-CN';
import { staffEn } from './en';
import { staffZhCN } from './zh-CN';

/** Every screen's own catalogue (`screens/<Name>/messages.ts` exporting `messages`), found by name. */
const screenCatalogues = import.meta.glob<Catalogue<string>>('../screens/*/messages.ts', {
  eager: true,
  import: 'messages',
});

const placeholders = (text: Message) =>
  typeof text === 'string' ? [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() : null;

function expectMatching(name: string, zh: Record<string, Message>, english: Record<string, Message>): void {
  expect(Object.keys(english).sort(), name).toEqual(Object.keys(zh).sort());
  for (const [key, text] of Object.entries(zh)) {
    const other = english[key]!;
    if (typeof text === 'string' && typeof other === 'string')
      expect(placeholders(other), key).toEqual(placeholders(text));
  }
}

describe('staff catalogues', () => {
  it('have the same keys and placeholders in Chinese and English', () => {
    expectMatching('staff shell', staffZhCN, staffEn);
    for (const [path, catalogue] of Object.entries(screenCatalogues)) {
      expectMatching(path, catalogue['zh-CN'], catalogue.en);
    }
  });

  it('never reuse a key of the resident or shell catalogue for another text', () => {
    const shared = new Set([...Object.keys(zhCN), ...Object.keys(en)]);
    for (const key of Object.keys(staffZhCN)) expect(shared.has(key), key).toBe(false);
    for (const [path, catalogue] of Object.entries(screenCatalogues)) {
      for (const key of Object.keys(catalogue['zh-CN'])) {
        expect(shared.has(key) || key in staffZhCN, `${path}: ${key}`).toBe(false);
      }
    }
  });
});
