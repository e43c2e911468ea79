import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error';
import { checkSignature, declaredImageType } from './product-image';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([8, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

function code(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? `${error.statusCode} ${error.code}` : String(error);
  }
}

describe('product pictures', () => {
  it('take PNG, JPEG and WebP, also with parameters or in capitals', () => {
    expect(declaredImageType('image/png')).toBe('image/png');
    expect(declaredImageType('IMAGE/JPEG; charset=binary')).toBe('image/jpeg');
    expect(declaredImageType(' image/webp ')).toBe('image/webp');
  });

  it.each(['image/svg+xml', 'image/gif', 'text/html', 'application/octet-stream', '', undefined])(
    'refuse the type %s with 415 UNSUPPORTED_IMAGE',
    (type) => {
      expect(code(() => declaredImageType(type))).toBe('415 UNSUPPORTED_IMAGE');
    },
  );

  it('accept bytes that start as their type says, and nothing else', () => {
    expect(code(() => checkSignature('image/png', PNG))).toBeUndefined();
    expect(code(() => checkSignature('image/jpeg', JPEG))).toBeUndefined();
    expect(code(() => checkSignature('image/webp', WEBP))).toBeUndefined();
    for (const [type, bytes] of [
      ['image/png', JPEG],
      ['image/jpeg', PNG],
      ['image/webp', Buffer.from('RIFF\0\0\0\0WAVEfmt ')],
      ['image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
      ['image/png', PNG.subarray(0, 7)],
      ['image/jpeg', Buffer.alloc(0)],
    ] as const) {
      expect(
        code(() => checkSignature(type, bytes)),
        `${type} ${bytes.toString('hex')}`,
      ).toBe('415 UNSUPPORTED_IMAGE');
    }
  });
});
