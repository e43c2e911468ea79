import { describe, expect, it } from 'vitest';
import { changedFields, optionalWholeNumber, textField, wholeNumber } from './forms';

describe('admin form checks', () => {
  it('reads whole numbers, also typed with full-width digits, and says what is wrong', () => {
    expect(wholeNumber(' 15 ', 0, 100)).toEqual({ ok: true, value: 15 });
    expect(wholeNumber('１２', 0, 100)).toEqual({ ok: true, value: 12 });
    expect(wholeNumber('', 0, 100)).toEqual({ ok: false, problem: { kind: 'required' } });
    expect(wholeNumber('1e3', 0, 10000)).toEqual({ ok: false, problem: { kind: 'wholeNumber' } });
    expect(wholeNumber('-3', 0, 100)).toEqual({ ok: false, problem: { kind: 'wholeNumber' } });
    expect(wholeNumber('101', 0, 100)).toEqual({ ok: false, problem: { kind: 'range', min: 0, max: 100 } });
    expect(optionalWholeNumber('  ', 1, 9)).toEqual({ ok: true, value: null });
    expect(optionalWholeNumber('0', 1, 9)).toEqual({ ok: false, problem: { kind: 'range', min: 1, max: 9 } });
  });

  it('checks texts: required ones not blank and trimmed, every one within its length', () => {
    expect(textField('  店 ', 40, true)).toEqual({ ok: true, value: '店' });
    expect(textField('   ', 40, true)).toEqual({ ok: false, problem: { kind: 'required' } });
    expect(textField('', 80, false)).toEqual({ ok: true, value: '' });
    expect(textField('字'.repeat(81), 80, false)).toEqual({ ok: false, problem: { kind: 'tooLong', max: 80 } });
  });

  it('keeps only the fields that changed', () => {
    expect(changedFields({ a: 1, b: 'x', c: true }, { a: 1, b: 'y', c: false })).toEqual({ b: 'y', c: false });
  });
});
