import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { format } from '../i18n/types';
import { zhCN } from '../i18n/zh-CN';
import { endsSession, errorMessageKey, isRetryable, limitsFromMessage, NETWORK_ERROR } from './errors';

const API_CODES = [
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_EXCEEDED',
  'BELOW_MINIMUM_BALANCE',
  'PRODUCT_UNAVAILABLE',
  'PRODUCT_NOT_FOUND',
  'CARD_INVALID',
  'CARD_REVOKED',
  'SESSION_REQUIRED',
  'IDEMPOTENCY_KEY_IN_USE',
  'IDEMPOTENCY_KEY_REUSED',
  'VALIDATION_FAILED',
  NETWORK_ERROR,
];

describe('error code → message', () => {
  it.each([
    ['INSUFFICIENT_POINTS', '积分不够兑换这些商品，请减少一些商品再试。'],
    ['OUT_OF_STOCK', '有商品刚刚兑完了，清单已经更新，请再看一下。'],
    ['LIMIT_EXCEEDED', '有商品超过了本月的限兑数量，请从清单里拿掉。'],
    ['BELOW_MINIMUM_BALANCE', '积分还不够兑换的最低要求，攒够了再来吧。'],
    ['CARD_INVALID', '这张卡不能使用，请找志愿者帮忙。'],
    ['CARD_REVOKED', '这张卡已经停用（可能补办过新卡），请找志愿者帮忙。'],
    ['SESSION_REQUIRED', '等得太久，已经自动退出。请重新出示积分卡。'],
    [NETWORK_ERROR, '暂时连不上服务器，正在自动重试。'],
  ])('says %s in plain Chinese', (code, text) => {
    expect(format(zhCN[errorMessageKey(code)])).toBe(text);
  });

  it('gives every code a message in both languages without showing the code itself', () => {
    for (const code of [...API_CODES, 'SOMETHING_NEW', 'HTTP_500']) {
      const key = errorMessageKey(code);
      for (const catalogue of [zhCN, en]) {
        const text = format(catalogue[key]);
        expect(text.length).toBeGreaterThan(4);
        expect(text).not.toMatch(/[A-Z]{2,}_[A-Z_]+|HTTP_\d+/);
      }
    }
  });

  it('falls back to a general message for codes it does not know', () => {
    expect(errorMessageKey('IDEMPOTENCY_KEY_REUSED')).toBe('error.generic');
    expect(errorMessageKey('TEAPOT')).toBe('error.generic');
  });

  it('retries only lost connections and requests still in progress', () => {
    expect(isRetryable(NETWORK_ERROR)).toBe(true);
    expect(isRetryable('IDEMPOTENCY_KEY_IN_USE')).toBe(true);
    expect(isRetryable('INSUFFICIENT_POINTS')).toBe(false);
    expect(isRetryable('OUT_OF_STOCK')).toBe(false);
  });

  it('ends the visit only when the session is gone', () => {
    expect(endsSession('SESSION_REQUIRED')).toBe(true);
    expect(endsSession('CARD_INVALID')).toBe(false);
  });
});

describe('monthly limit answers', () => {
  const cart = [
    { id: 1, name: '食用油 5L' },
    { id: 2, name: '鸡蛋 10 个' },
  ];

  it('finds the product the server named and how many are still allowed', () => {
    expect(limitsFromMessage('鸡蛋 10 个: at most 4 per month; 3 already redeemed this month.', cart)).toEqual([
      { id: 2, name: '鸡蛋 10 个', left: 1 },
    ]);
  });

  it('treats a named product without numbers as used up', () => {
    expect(limitsFromMessage('食用油 5L 本月已达上限', cart)).toEqual([{ id: 1, name: '食用油 5L', left: 0 }]);
  });

  it('finds nothing when no product in the cart is named', () => {
    expect(limitsFromMessage('Monthly limit exceeded.', cart)).toEqual([]);
  });
});
