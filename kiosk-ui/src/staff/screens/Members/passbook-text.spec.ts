import { describe, expect, it } from 'vitest';
import { entryDetail } from './passbook-text';

describe('passbook line', () => {
  it('does not repeat the kind the line already shows', () => {
    expect(entryDetail({ kind: 'redeem', reason: '兑换 鸡蛋 10 个×1' })).toBe('鸡蛋 10 个 ×1');
    expect(entryDetail({ kind: 'redeem', reason: '兑换 大米×2、肥皂×1' })).toBe('大米 ×2、肥皂 ×1');
    expect(entryDetail({ kind: 'void', reason: '撤销兑换 R20261128-0001：退货' })).toBe('R20261128-0001：退货');
  });

  it('leaves other reasons as they were written', () => {
    expect(entryDetail({ kind: 'award', reason: '志愿服务 兑换日帮忙' })).toBe('志愿服务 兑换日帮忙');
    expect(entryDetail({ kind: 'adjust', reason: '迁户转出：王*明 转入 东楼' })).toBe('迁户转出：王*明 转入 东楼');
  });
});
