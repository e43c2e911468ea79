import { ValidationError, ValidationPipe } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Matches, ValidateIf } from 'class-validator';
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

/** Every DTO is validated the same way: unknown fields refused, types converted, one error code. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation(describe(errors).join('; ') || 'Invalid request.'),
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
