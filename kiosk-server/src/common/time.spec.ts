import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';
import { localDayRange, localDayStart, nextLocalDayStart } from './time';

describe('localDayRange', () => {
  it('covers from local midnight of the first day to local midnight after the last', () => {
    const { start, end } = localDayRange('2026-11-01', '2026-11-30');
    expect(start).toBe(new Date(2026, 10, 1).toISOString());
    expect(end).toBe(new Date(2026, 11, 1).toISOString());
  });

  it('leaves an end open when its day is left out, so every stored timestamp compares inside', () => {
    const open = localDayRange();
    expect(open.start <= '2000-01-01T00:00:00.000Z').toBe(true);
    expect(open.end > '9999-12-31T23:59:59.999Z').toBe(true);
    expect(localDayRange('2026-11-05').end).toBe(open.end);
    expect(localDayRange(undefined, '2026-11-05').start).toBe(open.start);
  });

  it('steps over month and year ends', () => {
    expect(nextLocalDayStart('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
    expect(nextLocalDayStart('2028-02-28')).toBe(localDayStart('2028-02-29'));
  });

  it.each([
    ['2026-02-30', undefined],
    ['2026-13-01', undefined],
    [undefined, '2026-04-31'],
    ['2026-11-02', '2026-11-01'],
  ])('refuses from=%s to=%s as VALIDATION_FAILED', (from, to) => {
    expect(() => localDayRange(from, to)).toThrow(DomainError);
    try {
      localDayRange(from, to);
    } catch (error) {
      expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    }
  });
});
