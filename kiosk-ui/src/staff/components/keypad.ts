import { limits } from '../../api/limits';

/** The keys of the on-screen number pad. */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

export interface KeypadRules {
  /** Longest entry, in digits. */
  maxLength: number;
  /** Largest value (quantities): a digit that would go past it is refused. */
  max?: number;
  /** PINs and receipt numbers keep leading zeros; a quantity "07" is just 7. */
  keepLeadingZeros?: boolean;
}

export interface KeypadResult {
  value: string;
  /** The key was not taken (too long, too large): the pad shakes and says the limit. */
  refused: boolean;
}

/** A staff PIN: digits, as long as the server allows. */
export const PIN_RULES: KeypadRules = { maxLength: limits.StaffSignInDto.pin.maxLength, keepLeadingZeros: true };
/** The shortest PIN the server takes. */
export const PIN_MIN_LENGTH = limits.StaffSignInDto.pin.minLength;

/** A count of goods from 0 up to `max`. */
export function quantityRules(max: number): KeypadRules {
  return { maxLength: String(max).length, max };
}

export function isDigit(key: string): key is Exclude<KeypadKey, 'back' | 'clear'> {
  return key.length === 1 && key >= '0' && key <= '9';
}

/** The entry after one key press. */
export function pressKey(value: string, key: KeypadKey, rules: KeypadRules): KeypadResult {
  if (key === 'clear') return { value: '', refused: false };
  if (key === 'back') return { value: value.slice(0, -1), refused: false };
  let next = value + key;
  if (!rules.keepLeadingZeros) next = next.replace(/^0+(?=\d)/, '');
  if (next.length > rules.maxLength) return { value, refused: true };
  if (rules.max !== undefined && Number(next) > rules.max) return { value, refused: true };
  return { value: next, refused: false };
}

/** The number typed, or null while nothing is. */
export function valueOf(entry: string): number | null {
  return entry === '' ? null : Number(entry);
}

/** What a physical key means to the pad (laptops and tablets with a keyboard). */
export function keyFromKeyboard(key: string): KeypadKey | null {
  if (isDigit(key)) return key;
  if (key === 'Backspace') return 'back';
  if (key === 'Delete' || key === 'Escape') return 'clear';
  return null;
}
