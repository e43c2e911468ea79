import { describe, expect, it } from 'vitest';
import { type KeypadKey, keyFromKeyboard, PIN_RULES, pressKey, quantityRules, valueOf } from './keypad';

/** Types the keys one after another, as a finger would. */
function type(keys: KeypadKey[], rules = quantityRules(10000)): { value: string; refused: number } {
  let value = '';
  let refused = 0;
  for (const key of keys) {
    const result = pressKey(value, key, rules);
    value = result.value;
    if (result.refused) refused++;
  }
  return { value, refused };
}

describe('number pad', () => {
  it('builds a quantity digit by digit and drops leading zeros', () => {
    expect(type(['0', '0', '7'])).toEqual({ value: '7', refused: 0 });
    expect(type(['1', '0', '0'])).toEqual({ value: '100', refused: 0 });
    expect(valueOf(type(['0']).value)).toBe(0);
    expect(valueOf('')).toBeNull();
  });

  it('refuses a digit that would pass the largest quantity and keeps what was there', () => {
    const rules = quantityRules(500);
    expect(type(['5', '0', '0'], rules)).toEqual({ value: '500', refused: 0 });
    expect(type(['5', '0', '1'], rules)).toEqual({ value: '50', refused: 1 });
    expect(type(['9', '9', '9', '9'], rules)).toEqual({ value: '99', refused: 2 });
  });

  it('keeps the leading zeros of a PIN and stops at its longest length', () => {
    expect(type(['0', '1', '2', '3'], PIN_RULES).value).toBe('0123');
    const long = type(
      Array.from({ length: PIN_RULES.maxLength + 2 }, () => '9' as const),
      PIN_RULES,
    );
    expect(long.value).toHaveLength(PIN_RULES.maxLength);
    expect(long.refused).toBe(2);
  });

  it('deletes the last digit, or everything', () => {
    expect(type(['1', '2', '3', 'back'])).toEqual({ value: '12', refused: 0 });
    expect(type(['back'])).toEqual({ value: '', refused: 0 });
    expect(type(['1', '2', 'clear', '4'])).toEqual({ value: '4', refused: 0 });
  });

  it('takes digits, Backspace and Delete from a keyboard and ignores other keys', () => {
    expect(keyFromKeyboard('7')).toBe('7');
    expect(keyFromKeyboard('Backspace')).toBe('back');
    expect(keyFromKeyboard('Delete')).toBe('clear');
    expect(keyFromKeyboard('a')).toBeNull();
    expect(keyFromKeyboard('F1')).toBeNull();
  });
});
