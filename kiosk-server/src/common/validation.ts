import { ValidationError, ValidationPipe } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches, ValidateBy, ValidateIf } from 'class-validator';
import { ID_PATTERN } from './ids';
import { DomainError } from './domain-error';

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) =>
      text.startsWith(error.property) ? `${path}${text.slice(error.property.length)}` : `${path}: ${text}`,
    );
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/**
 * No request of the API nests deeper than a few levels; class-transformer and class-validator recurse
 * once per level, so a 64 KB body of `[[[[…` overflows the stack (a 500 and a logged stack each).
 */
export const MAX_JSON_DEPTH = 16;
/** A body with thousands of unknown fields must not get thousands of sentences back. */
export const MAX_VALIDATION_ERRORS = 10;
export const MAX_VALIDATION_MESSAGE = 1000;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * For the JSON body parser's `verify`: refuses a body nested deeper than MAX_JSON_DEPTH before it is
 * parsed. A single pass over the bytes, brackets inside strings not counted; malformed JSON is left
 * to the parser to refuse.
 */
export function refuseDeepJson(body: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) {
        throw DomainError.validation(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
      }
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
}

/** The first few problems, and how many more there were; never a message longer than a screen. */
export function validationMessage(problems: string[]): string {
  if (problems.length === 0) return 'Invalid request.';
  const shown = problems.slice(0, MAX_VALIDATION_ERRORS);
  const more = problems.length - shown.length;
  const message = shown.join('; ') + (more > 0 ? `; and ${more} more problems` : '');
  return message.length > MAX_VALIDATION_MESSAGE ? `${message.slice(0, MAX_VALIDATION_MESSAGE - 1)}…` : message;
}

/** Every DTO is validated the same way: unknown fields refused, types converted, one error code. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation(validationMessage(describe(errors))),
  });
}

/**
 * An optional field that may be left out but never sent as null: `@IsOptional()` lets null through
 * to the service, where it would clear a required column.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * A record's id (a UUID, lower-case hex): validated, and documented as such in the OpenAPI
 * document. Pass the same options as to `@ApiProperty`.
 */
export function IsId(options: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(
    Matches(ID_PATTERN, { message: '$property must be an id (UUID)' }),
    ApiProperty({ type: String, format: 'uuid', example: '019ac2f0-5c1e-7a3b-9f00-1c2d3e4f5a6b', ...options }),
  );
}

/**
 * Characters no name, note or receipt line needs, and that make text lie about itself: C0 and C1
 * controls (NUL, escape sequences, line breaks), DEL, zero-width and direction marks and the bidi
 * overrides and isolates (`\u202e` turns `王*******` into `*******王`), the byte-order mark,
 * line and paragraph separators, private-use characters (no font agrees on them), noncharacters,
 * and lone surrogates (half a character: invalid UTF-16, breaks CSV and PDF output).
 */
const NOT_PLAIN_TEXT =
  /[\p{Cc}\p{Co}\p{Cs}\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]/u;

/** Whether a text is free of the characters of NOT_PLAIN_TEXT. */
export function isPlainText(value: string): boolean {
  return !NOT_PLAIN_TEXT.test(value);
}

/**
 * A text a person typed that other people will read (names, categories, notes, reasons, receipt
 * lines): normalised to NFC, so that one name is stored one way however the keyboard composed it,
 * and refused (400 VALIDATION_FAILED naming the field) when it holds a control, format, private-use
 * or lone surrogate character. Put it beside `@IsString()`; length limits then count the NFC form.
 */
export function IsPlainText(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC') : value)),
    ValidateBy({
      name: 'isPlainText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isPlainText(value),
        defaultMessage: () =>
          '$property must not contain control, formatting, private-use or unpaired surrogate characters',
      },
    }),
  );
}
