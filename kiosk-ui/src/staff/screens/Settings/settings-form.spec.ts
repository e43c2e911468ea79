import { describe, expect, it } from 'vitest';
import type { StoreSettings } from '../../api';
import { checkSettings, settingsChanges, settingsFormOf, unsavedCount } from './settings-form';

const saved: StoreSettings = {
  storeName: '幸福社区积分超市',
  minRedeemBalance: 10,
  residentIdleSeconds: 120,
  offlineAllowance: 20,
  largeQuantity: 100,
  receiptHeader: '',
  receiptFooter: '谢谢您的奉献',
  showNameOnCard: true,
};

describe('rules form', () => {
  it('sends only the rules that changed', () => {
    const checked = checkSettings({ ...settingsFormOf(saved), minRedeemBalance: '15', receiptHeader: '欢迎光临' });
    if (!checked.ok) throw new Error('form refused');
    expect(settingsChanges(saved, checked.body)).toEqual({ minRedeemBalance: 15, receiptHeader: '欢迎光临' });
  });

  it('refuses values the server refuses, field by field', () => {
    expect(
      checkSettings({
        storeName: ' ',
        minRedeemBalance: '-1',
        residentIdleSeconds: '10',
        offlineAllowance: '1.5',
        largeQuantity: '0',
        receiptHeader: '字'.repeat(81),
        receiptFooter: '',
        showNameOnCard: false,
      }),
    ).toEqual({
      ok: false,
      problems: {
        storeName: { kind: 'required' },
        minRedeemBalance: { kind: 'wholeNumber' },
        residentIdleSeconds: { kind: 'range', min: 15, max: 3600 },
        offlineAllowance: { kind: 'wholeNumber' },
        largeQuantity: { kind: 'range', min: 1, max: 100000 },
        receiptHeader: { kind: 'tooLong', max: 80 },
      },
    });
  });

  it('counts the fields not saved yet', () => {
    expect(unsavedCount(saved, settingsFormOf(saved))).toBe(0);
    expect(unsavedCount(saved, { ...settingsFormOf(saved), minRedeemBalance: ' 10 ' })).toBe(0);
    expect(unsavedCount(saved, { ...settingsFormOf(saved), minRedeemBalance: '5', showNameOnCard: false })).toBe(2);
  });
});
