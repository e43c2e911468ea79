import { describe, expect, it } from 'vitest';
import { actorName, changeRows, isTimestamp, subjectName } from './audit';

describe('change log', () => {
  it('shows staff by their username', () => {
    expect(actorName('staff:admin')).toBe('admin');
    expect(actorName('hub')).toBe('hub');
  });

  it('pairs each field’s value before and after, missing ones as nothing', () => {
    expect(changeRows({ before: { pricePoints: 12 }, after: { pricePoints: 15 } })).toEqual([
      { field: 'pricePoints', before: 12, after: 15 },
    ]);
    expect(
      changeRows({ before: { status: 'active', revokedAt: null }, after: { status: 'revoked', reason: '丢失' } }),
    ).toEqual([
      { field: 'status', before: 'active', after: 'revoked' },
      { field: 'revokedAt', before: null, after: null },
      { field: 'reason', before: null, after: '丢失' },
    ]);
  });

  it('gives the fields of something new nothing before', () => {
    expect(changeRows({ before: null, after: { name: '大米' } })).toEqual([
      { field: 'name', before: null, after: '大米' },
    ]);
  });

  it('tells server timestamps from other text, and finds the subject’s name', () => {
    expect(isTimestamp('2026-11-27T01:02:03.456Z')).toBe(true);
    expect(isTimestamp('2026-11-27')).toBe(false);
    expect(subjectName({ before: { name: '旧' }, after: { name: '新' } })).toBe('新');
    expect(subjectName({ before: { pricePoints: 1 }, after: { pricePoints: 2 } })).toBeNull();
  });
});
