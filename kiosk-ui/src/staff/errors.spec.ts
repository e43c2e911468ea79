import { describe, expect, it } from 'vitest';
import type { Params } from '../i18n/types';
import { lockedMinutes, staffErrorText } from './errors';
import type { StaffTextKey } from './i18n';
import { staffEn } from './i18n/en';
import { staffZhCN } from './i18n/zh-CN';

/** The text as shown, without the app's language state: the staff catalogues filled in by hand. */
function fill(catalogue: Record<string, unknown>, key: StaffTextKey, params: Params = {}): string {
  const message = catalogue[key];
  if (typeof message === 'function') return (message as (p: Params) => string)(params);
  if (typeof message !== 'string') throw new Error(`no text ${key}`);
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}
const zh = (key: StaffTextKey, params?: Params) => fill(staffZhCN, key, params);
const en = (key: StaffTextKey, params?: Params) => fill(staffEn, key, params);

describe('a locked-out sign-in', () => {
  it('says the minutes the server asks to wait, rounded up', () => {
    expect(lockedMinutes({ details: { retryAfterSeconds: 300 } })).toBe(5);
    expect(lockedMinutes({ details: { retryAfterSeconds: 61 } })).toBe(2);
  });

  it('says at least one minute, even with seconds left', () => {
    expect(lockedMinutes({ details: { retryAfterSeconds: 12 } })).toBe(1);
    expect(lockedMinutes({ details: { retryAfterSeconds: 0 } })).toBe(1);
  });

  it('says the lock’s whole length when the answer has no details', () => {
    expect(lockedMinutes({ details: {} })).toBe(5);
    expect(lockedMinutes({ details: { retryAfterSeconds: '300' } })).toBe(5);
  });
});

describe('staffErrorText', () => {
  const say = (code: string, details: Record<string, string | number> = {}) => {
    const text = staffErrorText({ code, details });
    return { zh: zh(text.key, text.params), en: en(text.key, text.params) };
  };

  it('says a short sign-in pause in seconds, and that more wrong PINs make it longer', () => {
    const text = say('LOCKED_OUT', { retryAfterSeconds: 30 });
    expect(text.zh).toBe('密码输错次数太多，暂时不能登录。请 30 秒后再试。再输错，要等的时间会更长。');
    expect(text.en).toBe(
      'Too many wrong PINs, so signing in is paused. Try again in 30 seconds. Each further wrong PIN makes the wait longer.',
    );
  });

  it('says a longer sign-in lock in whole minutes', () => {
    expect(say('LOCKED_OUT', { retryAfterSeconds: 120 }).zh).toBe(
      '密码输错次数太多，暂时不能登录。请 2 分钟后再试。再输错，要等的时间会更长。',
    );
    expect(say('LOCKED_OUT', { retryAfterSeconds: 61 }).en).toContain('Try again in 2 minutes.');
    expect(say('LOCKED_OUT', { retryAfterSeconds: 60 }).en).toContain('Try again in 1 minute.');
    expect(say('LOCKED_OUT').zh).toContain('请 5 分钟后再试');
  });

  it('says how long to wait after too many reprints in a minute', () => {
    const text = say('REPRINT_LIMIT', { limit: 3, retryAfterSeconds: 42 });
    expect(text.zh).toBe('这张小票刚刚补打了好几次。请 42 秒后再试。');
    expect(text.en).toBe('This receipt was just reprinted several times. Try again in 42 seconds.');
  });

  it('says that a receipt reprinted as often as allowed cannot be reprinted again', () => {
    const text = say('REPRINT_LIMIT', { limit: 10, reprints: 10 });
    expect(text.zh).toBe('这张小票已经补打了 10 次，不能再补打了。确实需要的话，请找管理员。');
    expect(text.en).toBe(
      'This receipt has been reprinted 10 times, the most allowed. Ask an admin if another copy is really needed.',
    );
    expect(say('REPRINT_LIMIT').en).toBe(
      'This receipt has been reprinted too often. Ask an admin if another copy is really needed.',
    );
  });

  it('never shows the generic words for these two refusals, and keeps the words of the others', () => {
    for (const code of ['LOCKED_OUT', 'REPRINT_LIMIT']) {
      expect(staffErrorText({ code, details: {} }).key).not.toBe('staffError.generic');
    }
    expect(staffErrorText({ code: 'PIN_INVALID', details: {} })).toEqual({ key: 'signIn.pinInvalid' });
    expect(staffErrorText({ code: 'SOMETHING_NEW', details: {} })).toEqual({ key: 'staffError.generic' });
  });
});
