import type { Lang } from '../i18n/i18n.svelte';

/*
 * A number spelled out, for the confirmations of large quantities and awards: read aloud, "九千九百九十九"
 * is harder to mistake for "九十九" than 9999 is for 99. Whole numbers from 0 below 10^12.
 */

const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const ZH_PLACES = ['', '十', '百', '千'];
/** Groups of four digits, as Chinese counts: …亿 …万 …. */
const ZH_GROUPS = ['', '万', '亿'];

const EN_SMALL = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_GROUPS = ['', 'thousand', 'million', 'billion'];

export const MAX_NUMBER_IN_WORDS = 999_999_999_999;

export function numberInWords(n: number, lang: Lang): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_NUMBER_IN_WORDS) {
    throw new RangeError(`numberInWords: ${n} is not a whole number from 0 to ${MAX_NUMBER_IN_WORDS}`);
  }
  return lang === 'en' ? english(n) : chinese(n);
}

/** 0–9999 without leading zeros: 一千零五, 九百九十九; a zero between digits is read once (一千零五). */
function chineseGroup(group: number): string {
  let words = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      zero = words !== '';
      continue;
    }
    if (zero) words += ZH_DIGITS[0];
    zero = false;
    words += ZH_DIGITS[digit]! + ZH_PLACES[place]!;
  }
  return words;
}

function chinese(n: number): string {
  if (n === 0) return ZH_DIGITS[0]!;
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let words = '';
  for (let index = groups.length - 1; index >= 0; index--) {
    const group = groups[index]!;
    if (group === 0) continue;
    // A gap of zeros before this group is read as one 零: 一万零二十九, 一亿零五万.
    const gap = words !== '' && (group < 1000 || groups[index + 1] === 0);
    words += (gap ? ZH_DIGITS[0] : '') + chineseGroup(group) + ZH_GROUPS[index]!;
  }
  // 十五, 十万, not 一十五: the leading 一 of 10–19 is not said.
  return words.startsWith('一十') ? words.slice(1) : words;
}

/** 1–999: "nine hundred and ninety-nine". */
function englishGroup(group: number): string {
  const hundreds = Math.floor(group / 100);
  const rest = group % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${EN_SMALL[hundreds]!} hundred`);
  if (rest > 0) {
    const tens =
      rest < 20 ? EN_SMALL[rest]! : EN_TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${EN_SMALL[rest % 10]!}` : '');
    parts.push(hundreds > 0 ? `and ${tens}` : tens);
  }
  return parts.join(' ');
}

function english(n: number): string {
  if (n === 0) return EN_SMALL[0]!;
  const parts: string[] = [];
  let index = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000), index++) {
    const group = rest % 1000;
    if (group === 0) continue;
    parts.unshift(englishGroup(group) + (EN_GROUPS[index] ? ` ${EN_GROUPS[index]!}` : ''));
  }
  // British usage: "ten thousand and twenty-nine" — an "and" before a last group below a hundred.
  const last = n % 1000;
  if (n >= 1000 && last > 0 && last < 100) parts[parts.length - 1] = `and ${parts[parts.length - 1]!}`;
  return parts.join(' ');
}
