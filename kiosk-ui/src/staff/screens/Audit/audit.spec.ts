import { describe, expect, it } from 'vitest';
import { actionKey, changeRows, dayRange, isTimestamp } from './audit';

describe('change log', () => {
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

  it('leaves out ids the subject names in words, and a move’s household label beside its account name', () => {
    expect(
      changeRows({
        before: { accountId: 'a1', household: null, accountName: '王小明' },
        after: { accountId: 'a2', household: '东楼1栋', accountName: '东楼1栋', transferredPoints: 0 },
      }),
    ).toEqual([
      { field: 'accountName', before: '王小明', after: '东楼1栋' },
      { field: 'transferredPoints', before: null, after: 0 },
    ]);
    expect(changeRows({ before: null, after: { cardNo: 'C1', memberId: 'm1' } })).toEqual([
      { field: 'cardNo', before: null, after: 'C1' },
    ]);
  });

  it('tells server timestamps from other text', () => {
    expect(isTimestamp('2026-11-27T01:02:03.456Z')).toBe(true);
    expect(isTimestamp('2026-11-27')).toBe(false);
  });

  it('keys hub actions by their kind of thing', () => {
    expect(actionKey({ action: 'revoke', entity: 'kiosk' })).toBe('kiosk.revoke');
    expect(actionKey({ action: 'redemption.void', entity: 'redemption' })).toBe('redemption.void');
  });

  it('turns a local day into the instants it runs between', () => {
    const range = dayRange('2026-11-28')!;
    expect(new Date(range.from).getDate()).toBe(28);
    expect(new Date(range.from).getHours()).toBe(0);
    expect(new Date(range.to).getTime() - new Date(range.from).getTime()).toBeGreaterThanOrEqual(23 * 3_600_000);
    expect(new Date(range.to).getDate()).toBe(29);
    expect(dayRange('')).toBeNull();
    expect(dayRange('28.11.2026')).toBeNull();
  });
});
