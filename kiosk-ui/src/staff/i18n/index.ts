import { type Catalogue, type MessageKey, translator } from '../../i18n/i18n.svelte';
import { staffEn } from './en';
import { type StaffMessageKey, staffZhCN } from './zh-CN';

export type { StaffMessageKey };
/** Any key a staff screen may show: the staff shell's, or the resident screens' (shared words). */
export type StaffTextKey = StaffMessageKey | MessageKey;

export const staffCatalogue: Catalogue<StaffMessageKey> = { 'zh-CN': staffZhCN, en: staffEn };

/** `t` for the staff console: its own texts and the resident ones, in the current language. */
export const t = translator(staffCatalogue);

/**
 * `t` for one staff screen with its own catalogue (`screens/<Name>/messages.ts`): the screen's
 * keys plus every staff and resident key.
 */
export function screenTranslator<K extends string>(catalogue: Catalogue<K>) {
  return translator<K | StaffMessageKey>({
    'zh-CN': { ...staffZhCN, ...catalogue['zh-CN'] },
    en: { ...staffEn, ...catalogue.en },
  });
}
