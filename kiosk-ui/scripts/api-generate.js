#!/usr/bin/env node
/**
 * Regenerates src/api/schema.d.ts (the types) and src/api/limits.ts (the validation limits the
 * screens enforce before sending) from the kiosk server's OpenAPI document.
 *
 *   npm run api:generate -w kiosk-ui                 # from http://127.0.0.1:3000, saved to openapi.json
 *   npm run api:generate -w kiosk-ui -- http://host:port
 *   npm run api:generate -w kiosk-ui -- --offline    # from the saved openapi.json only
 *
 * When the server cannot be reached, the saved openapi.json is used instead.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const saved = join(root, 'openapi.json');
const target = join(root, 'src', 'api', 'schema.d.ts');
const limitsTarget = join(root, 'src', 'api', 'limits.ts');
const args = process.argv.slice(2);
const offline = args.includes('--offline');
const base = (
  args.find((arg) => !arg.startsWith('--')) ??
  process.env.KIOSK_SERVER_URL ??
  'http://127.0.0.1:3000'
).replace(/\/$/, '');

let document;
if (!offline) {
  try {
    const response = await fetch(`${base}/api/docs/openapi.json`, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = await response.json();
    await writeFile(saved, await format(JSON.stringify(document), { ...(await resolveConfig(saved)), parser: 'json' }));
    console.log(`Fetched the OpenAPI document from ${base} and saved it to openapi.json`);
  } catch (error) {
    console.warn(`Could not fetch ${base}/api/docs/openapi.json (${error.message}); using the saved openapi.json`);
  }
}
document ??= JSON.parse(await readFile(saved, 'utf8'));

const ast = await openapiTS(document, { alphabetize: true });
const header = '// Generated from openapi.json by `npm run api:generate -w kiosk-ui`. Do not edit by hand.\n\n';
await writeFile(target, header + astToString(ast));
console.log(`Wrote ${target.slice(root.length + 1)}`);

const limits = limitsOf(document);
const limitsSource =
  header +
  '/**\n' +
  ' * The limits the server validates requests with (`@Max`, `@Length`, `@ArrayMaxSize`…), per schema and\n' +
  ' * field, as its OpenAPI document states them: screens take their limits from here, never their own copies.\n' +
  ' */\n' +
  `export const limits = ${JSON.stringify(limits)} as const;\n`;
await writeFile(
  limitsTarget,
  await format(limitsSource, { ...(await resolveConfig(limitsTarget)), parser: 'typescript' }),
);
console.log(`Wrote ${limitsTarget.slice(root.length + 1)} (${Object.keys(limits).length} schemas with limits)`);

/** Every numeric limit of every component schema's properties (and of their array items), by schema and field. */
function limitsOf(openapi) {
  const KEYWORDS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'];
  const pick = (schema) =>
    Object.fromEntries(KEYWORDS.filter((key) => typeof schema?.[key] === 'number').map((key) => [key, schema[key]]));
  const result = {};
  for (const [name, schema] of Object.entries(openapi.components?.schemas ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const fields = {};
    for (const [field, property] of Object.entries(schema.properties ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      const own = pick(property);
      const items = pick(property.items);
      if (Object.keys(items).length) own.items = items;
      if (Object.keys(own).length) fields[field] = own;
    }
    if (Object.keys(fields).length) result[name] = fields;
  }
  return result;
}
