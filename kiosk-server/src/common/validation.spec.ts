import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';
import { IsString, Length } from 'class-validator';
import {
  createValidationPipe,
  IsPlainText,
  isPlainText,
  MAX_JSON_DEPTH,
  refuseDeepJson,
  validationMessage,
} from './validation';

const body = (text: string) => Buffer.from(text, 'utf8');

describe('refuseDeepJson', () => {
  it(`takes nesting up to ${MAX_JSON_DEPTH} levels and refuses deeper with VALIDATION_FAILED`, () => {
    const at = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(() => refuseDeepJson(body(at(MAX_JSON_DEPTH)))).not.toThrow();
    let error: unknown;
    try {
      refuseDeepJson(body(`{"a":${at(32_000)}}`));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(() => refuseDeepJson(body(JSON.stringify({ qr: '[{'.repeat(1000), q: 'a\\"[[[' })))).not.toThrow();
  });
});

describe('validationMessage', () => {
  it('lists the first ten problems and counts the rest', () => {
    const problems = Array.from({ length: 6000 }, (_, i) => `property k${i} should not exist`);
    const message = validationMessage(problems);
    expect(message).toContain('k9 should not exist');
    expect(message).not.toContain('k10 ');
    expect(message).toMatch(/and 5990 more problems$/);
  });

  it('never answers more than 1,000 characters', () => {
    expect(validationMessage(['x'.repeat(5000)]).length).toBe(1000);
    expect(validationMessage([])).toBe('Invalid request.');
  });
});

class Named {
  name!: string;
}
// the decorators applied as functions: this spec runs without decorator syntax
for (const decorate of [IsString(), IsPlainText(), Length(1, 4)]) decorate(Named.prototype, 'name');

async function validateName(name: unknown): Promise<unknown> {
  try {
    return await createValidationPipe().transform({ name }, { type: 'body', metatype: Named });
  } catch (error) {
    return error;
  }
}

describe('IsPlainText', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a line break', 'a\nb'],
    ['escape', '\u001b[2J'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085'],
    ['a bidi override', '\u202e王'],
    ['a bidi isolate', '\u2066王\u2069'],
    ['a zero-width space', '王\u200b'],
    ['a zero-width joiner', '王\u200d'],
    ['a byte-order mark', '\ufeff王'],
    ['a private-use character', '王\ue000'],
    ['a supplementary private-use character', '王\u{f0000}'],
    ['a lone high surrogate', '王\ud800'],
    ['a lone low surrogate', '\udc00王'],
  ])('refuses %s with VALIDATION_FAILED naming the field', async (_what, name) => {
    const error = await validateName(name);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((error as DomainError).message).toMatch(/^name must not contain control/);
  });

  it('takes ordinary text, emoji and paired surrogates included, and stores it in NFC', async () => {
    for (const name of ['王小明', 'Zoë', '𠀋家', '👍', 'a b']) {
      expect(await validateName(name)).toEqual(Object.assign(new Named(), { name }));
    }
    // e + combining acute: 5 code units, 4 after NFC, so the length limit counts what is stored
    expect(await validateName('Zoe\u0301')).toEqual(Object.assign(new Named(), { name: 'Zoé' }));
    expect(isPlainText('Zoe\u0301')).toBe(true);
  });
});
