import iconv from 'iconv-lite';

/**
 * Column arithmetic for a Chinese-mode thermal printer.
 *
 * In Chinese mode the printer draws every single-byte (ASCII) code with the 12-dot font and every
 * multi-byte GB18030 code with the 24-dot Hanzi font. So a column is one ASCII character, and every
 * other printable character takes two columns: CJK, fullwidth forms, and also the punctuation that
 * Western terminals draw narrow but Chinese text uses all the time (“ ” — … · ×).
 */

/** Combining marks and zero-width characters: they take no column of their own. */
const ZERO_WIDTH = /^[\p{M}\p{Cf}\u200b]$/u;

function charWidth(ch: string): 0 | 1 | 2 {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return 0;
  if (cp < 0x7f) return 1;
  if (ZERO_WIDTH.test(ch)) return 0;
  return 2;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Pictographs outside GBK (emoji) have no glyph in any receipt printer font. */
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** Control, format, private-use, unassigned, surrogate and combining code points print nothing useful. */
const UNPRINTABLE = /^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{M}]$/u;

function isGbkDoubleByte(ch: string): boolean {
  return iconv.encode(ch, 'gb18030').length === 2;
}

/**
 * Makes text safe to print: `¥` becomes the fullwidth `￥` that GBK has, whitespace becomes a plain
 * space, and emoji, control and other characters a printer cannot draw are dropped.
 */
export function printableText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '¥') out += '￥';
    else if (/^\s$/u.test(ch)) out += ' ';
    else if (UNPRINTABLE.test(ch)) continue;
    else if (PICTOGRAPH.test(ch) && ch.codePointAt(0)! > 0x7f && !isGbkDoubleByte(ch)) continue;
    else out += ch;
  }
  return out;
}

/** Left-aligns, centres or right-aligns text in a field of `width` columns (no truncation). */
export function pad(text: string, width: number, align: 'left' | 'center' | 'right'): string {
  const room = Math.max(0, width - displayWidth(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + text + ' '.repeat(room - left);
  }
  return text + ' '.repeat(room);
}

const WORD_CHAR = /^[A-Za-z0-9]$/;

/**
 * Splits text into lines of at most `width` columns. Never splits a character; an ASCII word is
 * moved to the next line whole when the line has an earlier space to break at.
 */
export function wrap(text: string, width: number): string[] {
  const chars = Array.from(text);
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  for (const ch of chars) {
    const w = charWidth(ch);
    if (used + w > width && line.length > 0) {
      const carried = WORD_CHAR.test(ch) ? takeTrailingWord(line) : [];
      lines.push(line.join('').trimEnd());
      line = carried;
      used = displayWidth(carried.join(''));
      if (ch === ' ') continue;
    }
    if (ch === ' ' && line.length === 0 && lines.length > 0) continue; // no leading space on a continuation
    line.push(ch);
    used += w;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line.join('').trimEnd());
  return lines;
}

/**
 * Removes and returns the ASCII word at the end of `line` when the line can break before it
 * (after a space or a Chinese character); a word filling the whole line stays and is split.
 */
function takeTrailingWord(line: string[]): string[] {
  const last = line[line.length - 1];
  if (last === undefined || !WORD_CHAR.test(last)) return [];
  let start = line.length - 1;
  while (start > 0 && WORD_CHAR.test(line[start - 1] ?? '')) start--;
  const before = line[start - 1];
  if (before === undefined || (before !== ' ' && charWidth(before) !== 2)) return [];
  return line.splice(start);
}
