/**
 * Checks of what an admin types into a form, before anything is sent: the same limits as the
 * server's DTOs, so a refusal is said in words next to the field instead of coming back as a code.
 */

/** What is wrong with one field; the words are `form.<kind>` in the staff catalogue. */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'wholeNumber' }
  | { kind: 'range'; min: number; max: number };

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: FieldProblem };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(problem: FieldProblem): Checked<T> => ({ ok: false, problem });

/** Full-width digits (typed with a Chinese input method) count as digits. */
function normalDigits(text: string): string {
  return text.trim().replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** A whole number from `min` to `max`; empty is refused. */
export function wholeNumber(text: string, min: number, max: number): Checked<number> {
  const digits = normalDigits(text);
  if (digits === '') return bad({ kind: 'required' });
  if (!/^\d+$/.test(digits)) return bad({ kind: 'wholeNumber' });
  const value = Number(digits);
  if (value < min || value > max) return bad({ kind: 'range', min, max });
  return ok(value);
}

/** Like `wholeNumber`, but empty means "none" (null). */
export function optionalWholeNumber(text: string, min: number, max: number): Checked<number | null> {
  return normalDigits(text) === '' ? ok(null) : wholeNumber(text, min, max);
}

/** A text of at most `max` characters; `required` refuses one that is empty or only spaces. */
export function textField(text: string, max: number, required: boolean): Checked<string> {
  if (required && text.trim() === '') return bad({ kind: 'required' });
  if (text.length > max) return bad({ kind: 'tooLong', max });
  return ok(required ? text.trim() : text);
}

/** The fields of `next` whose value differs from `current`: what a PATCH needs to send. */
export function changedFields<T extends object>(current: T, next: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== undefined && next[key] !== current[key]) changed[key] = next[key];
  }
  return changed;
}
