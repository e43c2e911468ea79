#!/usr/bin/env node
/**
 * Fails when the generated API client is stale: reads the OpenAPI document from the built server (a throwaway
 * instance on a free loopback port, see api-files.js) and compares openapi.json, src/api/schema.d.ts and
 * src/api/limits.ts with what `npm run api:generate -w kiosk-ui` would write. Run by CI (`.ci/run`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentOfBuiltServer, GENERATED, renderApiFiles, uiRoot } from './api-files.js';

const expected = await renderApiFiles(await documentOfBuiltServer());
const stale = [];
for (const [key, file] of Object.entries(GENERATED)) {
  const actual = await readFile(join(uiRoot, file), 'utf8').catch(() => null);
  if (actual === expected[key]) continue;
  stale.push(`  kiosk-ui/${file}: ${actual === null ? 'missing' : firstDifference(actual, expected[key])}`);
}

if (stale.length) {
  console.error(
    [
      'The generated API client does not match the server:',
      ...stale,
      'Run `npm run api:generate -w kiosk-ui` and commit the files it writes.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`The generated API client matches the server (${Object.values(GENERATED).join(', ')}).`);

/** The first line that differs, as both sides have it, so the message says what changed. */
function firstDifference(actual, wanted) {
  const have = actual.split('\n');
  const want = wanted.split('\n');
  const index = want.findIndex((line, i) => line !== have[i]);
  const at = index < 0 ? want.length : index;
  const clip = (line) => (line === undefined ? '(end of file)' : JSON.stringify(line.trim().slice(0, 100)));
  return `line ${at + 1} is ${clip(have[at])}, the server's document gives ${clip(want[at])}`;
}
