/**
 * Control, format (zero-width, bidi overrides and isolates), private-use and lone surrogate
 * characters: invisible or meaningless on paper and on screen, so never a name's "first letter"
 * (`\u202e王小明` must not come out as `\u202e*…`, which a screen draws reversed).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\u2028\u2029]/u;

/**
 * Masks a member's name for a receipt that may be left behind at the counter:
 * keeps the first and the last character and stars the rest.
 * 王小明 → 王*明, 王明 → 王*, 欧阳小明 → 欧**明, Alice → A***e.
 * Invisible characters (see INVISIBLE) are left out before the name is masked.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.normalize('NFC'))
    .filter((char) => !INVISIBLE.test(char))
    .join('')
    .trim();
  const letters = Array.from(chars);
  const first = letters[0];
  if (first === undefined) return '';
  // A one- or two-character name would be fully readable with first + last kept: show only the first.
  if (letters.length <= 2) return `${first}*`;
  return first + '*'.repeat(letters.length - 2) + letters[letters.length - 1];
}
