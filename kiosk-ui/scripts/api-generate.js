#!/usr/bin/env node
/**
 * Regenerates src/api/schema.d.ts (the types) and src/api/limits.ts (the validation limits the
 * screens enforce before sending) from the kiosk server's OpenAPI document, saved as openapi.json.
 *
 *   npm run api:generate -w kiosk-ui                   # builds the server, reads the document from the build
 *   npm run api:generate -w kiosk-ui -- http://host:port  # from a running server (or KIOSK_SERVER_URL)
 *   npm run api:generate -w kiosk-ui -- --offline      # from the saved openapi.json only
 *
 * By default the built server is started on a free loopback port with a throwaway data directory, so the
 * result does not depend on whichever kiosk happens to run on port 3000. `npm run api:check -w kiosk-ui`
 * (run by CI) fails when the committed files differ from what this script would write.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentOfBuiltServer, fetchDocument, GENERATED, renderApiFiles, uiRoot } from './api-files.js';

const args = process.argv.slice(2);
const offline = args.includes('--offline');
const url = args.find((arg) => !arg.startsWith('--')) ?? process.env.KIOSK_SERVER_URL;

let document;
if (offline) {
  document = JSON.parse(await readFile(join(uiRoot, GENERATED.document), 'utf8'));
  console.log('Using the saved openapi.json');
} else if (url) {
  document = await fetchDocument(url);
  console.log(`Fetched the OpenAPI document from ${url}`);
} else {
  document = await documentOfBuiltServer();
  console.log('Read the OpenAPI document from the built server (kiosk-server/dist)');
}

const files = await renderApiFiles(document);
for (const [key, file] of Object.entries(GENERATED)) {
  if (offline && key === 'document') continue;
  await writeFile(join(uiRoot, file), files[key]);
  console.log(`Wrote ${file}`);
}
