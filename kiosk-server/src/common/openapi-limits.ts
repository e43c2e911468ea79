import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type DtoClass = abstract new (...args: never[]) => unknown;
type Limit = 'maximum' | 'minimum' | 'maxLength' | 'minLength' | 'maxItems' | 'minItems' | 'pattern';

/** The JSON Schema type each limit keyword applies to: a limit on anything else is not copied. */
const APPLIES_TO: Record<Limit, string> = {
  maximum: 'number',
  minimum: 'number',
  maxLength: 'string',
  minLength: 'string',
  pattern: 'string',
  maxItems: 'array',
  minItems: 'array',
};

/**
 * Copies the limits class-validator enforces on the request DTOs (`@Max`, `@Min`, `@Length`,
 * `@MaxLength`, `@ArrayMaxSize`, `@Matches`…) into the document's component schemas, so a client
 * generated from the document (the UI's `api/limits.ts`) knows them without keeping its own copies.
 * What an `@ApiProperty` already says is never overridden.
 */
export function documentValidationLimits(document: OpenAPIObject, app: INestApplicationContext): void {
  const schemas = document.components?.schemas ?? {};
  const storage = getMetadataStorage();
  for (const [name, type] of dtoClassesByName(app, storage)) {
    const schema = schemas[name];
    if (!schema || isReference(schema) || !schema.properties) continue;
    for (const metadata of storage.getTargetValidationMetadatas(type, '', false, false)) {
      const property = schema.properties[metadata.propertyName];
      if (!property || isReference(property)) continue;
      // `{ each: true }` limits every element of an array, not the array.
      const target = metadata.each ? property.items : property;
      if (!target || isReference(target)) continue;
      for (const [keyword, value] of limitsOf(metadata)) {
        if (target[keyword] === undefined && typeOf(target) === APPLIES_TO[keyword]) {
          Object.assign(target, { [keyword]: value });
        }
      }
    }
  }
}

/**
 * Every class that may be a request DTO, by name (the schema names Nest gives them): the classes
 * class-validator holds rules for, and the parameter types of the controllers' handlers, whose
 * rules may all be inherited (`class UpdateProductDto extends PartialType(…) {}`). A name two
 * different classes share is left out: which one the document describes is not known.
 */
function dtoClassesByName(app: INestApplicationContext, storage: MetadataStorage): Map<string, DtoClass> {
  const isClass = (value: unknown): value is DtoClass => typeof value === 'function';
  // class-validator keeps its per-class rules in a private map and has no public way to list them.
  const ruled = (storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas;
  const candidates = new Set<DtoClass>([...ruled.keys()].filter(isClass));
  for (const module of app.get(ModulesContainer).values()) {
    for (const controller of module.controllers.values()) {
      const prototype = (controller.metatype as { prototype?: object } | null)?.prototype;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const types = Reflect.getMetadata('design:paramtypes', prototype, method) as unknown[] | undefined;
        for (const type of types ?? []) if (isClass(type)) candidates.add(type);
      }
    }
  }
  const byName = new Map<string, DtoClass>();
  const shared = new Set<string>();
  for (const type of candidates) {
    const other = byName.get(type.name);
    if (other && other !== type) shared.add(type.name);
    byName.set(type.name, type);
  }
  for (const name of shared) byName.delete(name);
  return byName;
}

/** The JSON Schema limits one class-validator rule stands for. */
function limitsOf(metadata: ValidationMetadata): [Limit, number | string][] {
  const [first, second] = metadata.constraints ?? [];
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const found: [Limit, number | string | undefined][] = [];
  switch (metadata.name) {
    case 'max':
      found.push(['maximum', number(first)]);
      break;
    case 'min':
      found.push(['minimum', number(first)]);
      break;
    case 'maxLength':
      found.push(['maxLength', number(first)]);
      break;
    case 'minLength':
      found.push(['minLength', number(first)]);
      break;
    case 'isLength':
      found.push(['minLength', number(first)], ['maxLength', number(second)]);
      break;
    case 'arrayMaxSize':
      found.push(['maxItems', number(first)]);
      break;
    case 'arrayMinSize':
      found.push(['minItems', number(first)]);
      break;
    case 'matches':
      found.push(...patternLimits(first, second));
      break;
  }
  return found.filter((limit): limit is [Limit, number | string] => limit[1] !== undefined);
}

/**
 * A `@Matches` pattern, when JSON Schema reads it the same way (no flags), and the lengths a pattern
 * of one repeated character class fixes (`/^\d{4,12}$/` → 4 to 12 characters), which a client
 * needs more often than the pattern.
 */
function patternLimits(pattern: unknown, modifiers: unknown): [Limit, number | string][] {
  const source =
    pattern instanceof RegExp && pattern.flags === '' ? pattern.source : typeof pattern === 'string' ? pattern : null;
  if (source === null || (modifiers !== undefined && modifiers !== '')) return [];
  const limits: [Limit, number | string][] = [['pattern', source]];
  const repeated = /^\^(?:\\d|\[[^\]\\]+\])\{(\d+)(?:,(\d+))?\}\$$/.exec(source);
  if (repeated) {
    limits.push(['minLength', Number(repeated[1])], ['maxLength', Number(repeated[2] ?? repeated[1])]);
  }
  return limits;
}

function typeOf(schema: SchemaObject): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type === 'integer' ? 'number' : type;
}

function isReference(schema: SchemaObject | ReferenceObject): schema is ReferenceObject {
  return '$ref' in schema;
}
