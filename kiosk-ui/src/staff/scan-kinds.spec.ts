import { describe, expect, it } from 'vitest';
import { receiptNumber, scanKind } from './scan-kinds';

describe('scanned text kinds', () => {
  it('tells a member card, a staff card, a receipt number and a product barcode apart', () => {
    expect(scanKind('PSK1.00012345.1764979200.' + 'A'.repeat(86))).toBe('memberCard');
    expect(scanKind('PSKS1.00012345.volunteer.' + 'A'.repeat(86))).toBe('staffCard');
    expect(scanKind('TEST01-000042')).toBe('receipt');
    expect(scanKind('K1A2B3C-1234567')).toBe('receipt');
    expect(scanKind('6901234567892')).toBe('other');
    expect(scanKind('TEST01-42')).toBe('other');
  });

  it('makes a full receipt number of the digits typed on the pad', () => {
    expect(receiptNumber('42', 'TEST01')).toBe('TEST01-000042');
    expect(receiptNumber('1234567', 'K1')).toBe('K1-1234567');
  });
});
