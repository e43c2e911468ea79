import { describe, expect, it } from 'vitest';
import { maskName } from './mask-name';

describe('maskName', () => {
  it('keeps the first and the last character of a name', () => {
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('王明')).toBe('王*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName(' Alice ')).toBe('A***e');
    expect(maskName('')).toBe('');
  });

  it.each([
    ['\u202e王小明', '王*明'],
    ['\u202e*******王', '*******王'],
    ['\u0000王小明', '王*明'],
    ['\u001b[31m王小明', '[*****明'],
    ['\u200b王小明\u200d', '王*明'],
    ['\u2066王小明\u2069', '王*明'],
    ['\ue000王小明', '王*明'],
    ['\ud800王小明\udc00', '王*明'],
    ['\u0085王明', '王*'],
    ['\u202e\u200b', ''],
  ])('never keeps an invisible character as the first or last letter: %j → %j', (name, masked) => {
    const result = maskName(name);
    expect(result).toBe(masked);
    expect(result).not.toMatch(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u);
  });

  it('masks a name composed of base letter and combining mark as the same name written precomposed', () => {
    expect(maskName('Zoe\u0301')).toBe(maskName('Zo\u00e9'));
  });
});
