/**
 * Masks a member's name for a receipt that may be left behind at the counter:
 * keeps the first and the last character and stars the rest.
 * 王小明 → 王*明, 王明 → 王*, 欧阳小明 → 欧**明, Alice → A***e.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  const first = chars[0];
  if (first === undefined) return '';
  // A one- or two-character name would be fully readable with first + last kept: show only the first.
  if (chars.length <= 2) return `${first}*`;
  return first + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
