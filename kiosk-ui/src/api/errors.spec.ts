import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { format } from '../i18n/types';
import { zhCN } from '../i18n/zh-CN';
import {
  detailNumber,
  endsSession,
  errorDetailsOf,
  errorMessageKey,
  isRetryable,
  monthlyLimitOf,
  NETWORK_ERROR,
} from './errors';

const API_CODES = [
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'LIMIT_EXCEEDED',
  'BELOW_MINIMUM_BALANCE',
  'PRODUCT_UNAVAILABLE',
  'PRODUCT_NOT_FOUND',
  'CARD_INVALID',
  'CARD_REVOKED',
  'MEMBER_MOVED',
  'OFFLINE_ALLOWANCE',
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
    [
      'OFFLINE_ALLOWANCE',
      '这台兑换机暂时连不上区里的系统，每人先只能兑换一部分积分。请少选一些商品，或者过一会儿再来。',
    ],
    ['MEMBER_MOVED', '您的积分账户刚刚有变动，请重新出示积分卡。'],
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
  const eggs = '019ac2f0-5c1e-7a3b-9f00-000000000002';

  it('names the product over its limit and how many are still allowed this month', () => {
    expect(monthlyLimitOf({ productId: eggs, limit: 4, alreadyThisMonth: 3 })).toEqual({ productId: eggs, left: 1 });
  });

  it('never allows fewer than none, even when more were redeemed than the limit now says', () => {
    expect(monthlyLimitOf({ productId: eggs, limit: 1, alreadyThisMonth: 3 })).toEqual({ productId: eggs, left: 0 });
  });

  it('finds nothing in an answer without the details (and never reads the message)', () => {
    expect(monthlyLimitOf({})).toBeNull();
    expect(monthlyLimitOf({ productId: eggs, limit: '4', alreadyThisMonth: 3 })).toBeNull();
    expect(monthlyLimitOf({ productId: 2, limit: 4, alreadyThisMonth: 3 })).toBeNull();
  });
});

describe('numbers in error details', () => {
  it('keeps the plain values of an error body’s details and drops anything else', () => {
    expect(errorDetailsOf({ productId: 'a', limit: 1, retry: true, nested: { x: 1 }, list: [1], none: null })).toEqual({
      productId: 'a',
      limit: 1,
      retry: true,
    });
    expect(errorDetailsOf(undefined)).toEqual({});
    expect(errorDetailsOf('Bad Gateway')).toEqual({});
    expect(errorDetailsOf([1, 2])).toEqual({});
  });

  it('reads a number the server sent and nothing else', () => {
    expect(detailNumber({ minimum: 100, balance: 12 }, 'minimum')).toBe(100);
    expect(detailNumber({ minimum: '100' }, 'minimum')).toBeNull();
    expect(detailNumber({}, 'minimum')).toBeNull();
  });
});
