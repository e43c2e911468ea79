/**
 * What `npm run api:generate -w kiosk-ui` writes, computed in one place so that `npm run api:check -w kiosk-ui`
 * compares against exactly the same text: the saved OpenAPI document, the types and the validation limits.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

export const uiRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(uiRoot, '..');
const serverMain = join(repoRoot, 'kiosk-server', 'dist', 'main.js');

/** The generated files, by path relative to kiosk-ui/. */
export const GENERATED = {
  document: 'openapi.json',
  schema: join('src', 'api', 'schema.d.ts'),
  limits: join('src', 'api', 'limits.ts'),
};

const HEADER = '// Generated from openapi.json by `npm run api:generate -w kiosk-ui`. Do not edit by hand.\n\n';

/** The text of every generated file for one OpenAPI document, keyed like GENERATED. */
export async function renderApiFiles(document) {
  const at = (file) => join(uiRoot, file);
  const limitsSource =
    HEADER +
    '/**\n' +
    ' * The limits the server validates requests with (`@Max`, `@Length`, `@ArrayMaxSize`…), per schema and\n' +
    ' * field, as its OpenAPI document states them: screens take their limits from here, never their own copies.\n' +
    ' */\n' +
    `export const limits = ${JSON.stringify(limitsOf(document))} as const;\n`;
  return {
    document: await format(JSON.stringify(document), {
      ...(await resolveConfig(at(GENERATED.document))),
      parser: 'json',
    }),
    schema: HEADER + astToString(await openapiTS(document, { alphabetize: true })),
    limits: await format(limitsSource, { ...(await resolveConfig(at(GENERATED.limits))), parser: 'typescript' }),
  };
}

/** Reads the OpenAPI document a running server serves. */
export async function fetchDocument(base) {
  const response = await fetch(`${base.replace(/\/$/, '')}/api/docs/openapi.json`, {
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/**
 * Reads the OpenAPI document of the built server (kiosk-server/dist) without touching any real store: the
 * server runs on a free loopback port, on SQLite in a temp data directory that is removed afterwards.
 */
export async function documentOfBuiltServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-openapi-'));
  // the shell's DATABASE_URL must not point this throwaway server at a real database
  const { DATABASE_URL: _shells, ...inherited } = process.env;
  const child = spawn(process.execPath, [serverMain], {
    cwd: repoRoot,
    env: {
      ...inherited,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // fixed PINs so that no generated PIN is made or printed for a server nobody signs in to
      KIOSK_ADMIN_PIN: '739201',
      KIOSK_VOLUNTEER_PIN: '480613',
      PRINTER: 'none',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  let output = '';
  try {
    const url = await new Promise((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`the built server did not start in 60 s:\n${output}`)), 60_000);
      child.stdout.on('data', (chunk) => {
        output += chunk.toString();
        const match = /KIOSK_READY (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          ready(match[1]);
        }
      });
      child.stderr.on('data', (chunk) => (output += chunk.toString()));
      child.once('error', (error) => {
        clearTimeout(timer);
        fail(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(
          new Error(`the built server (${serverMain}) exited with ${code ?? signal} before it was ready:\n${output}`),
        );
      });
    });
    return await fetchDocument(url);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

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
