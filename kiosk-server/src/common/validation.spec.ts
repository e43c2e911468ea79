import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';
import { MAX_JSON_DEPTH, refuseDeepJson, validationMessage } from './validation';

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
