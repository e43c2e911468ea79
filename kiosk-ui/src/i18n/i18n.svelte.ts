import { en } from './en';
import { format, type Message, type Params } from './types';
import { type MessageKey, zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

const catalogues = { 'zh-CN': zhCN, en } as const;
const CATEGORY_KEYS: Record<string, MessageKey> = {
  粮油: 'category.grainOil',
  日化: 'category.toiletries',
  生活用品: 'category.daily',
};

/** The language of the screen: Chinese by default, English on request until the resident leaves. */
class Locale {
  lang = $state<Lang>('zh-CN');

  /** The text for `key` in the current language. */
  t = (key: MessageKey, params?: Params): string => format(catalogues[this.lang][key], params);

  /** The text for `key` in the language not shown, for bilingual prompts. */
  other = (key: MessageKey, params?: Params): string =>
    format(catalogues[this.lang === 'zh-CN' ? 'en' : 'zh-CN'][key], params);

  /** Known category names translated; others (added by staff) shown as entered. */
  category = (name: string): string => {
    const key = CATEGORY_KEYS[name];
    return key ? this.t(key) : name;
  };

  toggle(): void {
    this.lang = this.lang === 'zh-CN' ? 'en' : 'zh-CN';
  }

  reset(): void {
    this.lang = 'zh-CN';
  }
}

export const locale = new Locale();
export const t = locale.t;

/** One set of texts in both languages; the English one must have every key of the Chinese one. */
export interface Catalogue<K extends string> {
  'zh-CN': Record<K, Message>;
  en: Record<K, Message>;
}

/**
 * A `t` for another catalogue (the staff console's, loaded with its own chunk): same placeholders,
 * same language switch, the resident texts included so a staff screen can reuse them.
 */
export function translator<K extends string>(
  catalogue: Catalogue<K>,
): (key: K | MessageKey, params?: Params) => string {
  const merged = {
    'zh-CN': { ...zhCN, ...catalogue['zh-CN'] } as Record<K | MessageKey, Message>,
    en: { ...en, ...catalogue.en } as Record<K | MessageKey, Message>,
  };
  return (key, params) => format(merged[locale.lang][key], params);
}
