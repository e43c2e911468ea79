#!/usr/bin/env node
/**
 * Regenerates src/api/schema.d.ts from the kiosk server's OpenAPI document.
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
