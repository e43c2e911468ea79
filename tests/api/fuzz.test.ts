import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../support/api';
import { VOLUNTEER_PIN } from '../support/kiosk';
import {
  staffCardQr,
  createMember,
  createProduct,
  ERROR_CODE,
  expectError,
  expectErrorShape,
  fundedResident,
  newKey,
  openStore,
  productByName,
  redeem,
  type Resident,
  scan,
  type Snapshot,
  snapshot,
  staffToken,
  type Store,
  verify,
} from './helpers';

/**
 * Every route of the OpenAPI document, called with inputs derived from its schemas and with
 * garbage: nothing may answer 5xx, every error must have the one error shape, and no refused
 * request may leave a trace in the ledger, the stock or the redemptions.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  secured: boolean;
}

interface Request {
  op: Operation;
  path: string;
  body?: unknown;
  rawBody?: string;
  headers: Record<string, string>;
  auth: 'admin' | 'volunteer' | 'resident' | 'none' | 'bogus';
}

let store: Store;
let components: Record<string, Schema>;
let operations: Operation[];
let resident: Resident;
/** Another card, for the sessions the requests start: a new scan of a card ends its previous session. */
let visitor: Resident;
let volunteerToken: string;
const spareAdminTokens: string[] = [];
const known: {
  redemptionId: string;
  memberId: string;
  accountId: string;
  productIds: string[];
  activityId: string;
} = {
  redemptionId: '',
  memberId: '',
  accountId: '',
  productIds: [],
  activityId: '',
};

beforeAll(async () => {
  store = await openStore();
  const doc = await store.api.get<{
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Parameter[];
          requestBody?: { content?: Record<string, { schema?: Schema }> };
          security?: unknown[];
        }
      >
    >;
    components: { schemas: Record<string, Schema> };
  }>('/api/docs/openapi.json');
  expect(doc.status).toBe(200);
  components = doc.body.components.schemas;
  operations = Object.entries(doc.body.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        secured: (op.security ?? []).length > 0,
      })),
  );
  resident = await fundedResident(store, 5000);
  visitor = await fundedResident(store, 0);
  volunteerToken = await staffToken(store.api, 'volunteer');
  for (let i = 0; i < 12; i++) spareAdminTokens.push(await staffToken(store.api, 'admin'));
  const soap = await productByName(store.api, '香皂');
  const done = await redeem(resident.api, [{ productId: soap.id, quantity: 1 }]);
  expect(done.status).toBe(201);
  known.redemptionId = done.body.id;
  known.memberId = resident.memberId;
  known.accountId = resident.accountId;
  known.productIds = [soap.id, (await createProduct(store.admin, { pricePoints: 2, stock: 500 })).id];
  const activities = await store.admin.get<{ id: string }[]>('/api/activities');
  expect(activities.status, activities.text).toBe(200);
  known.activityId = activities.body[0]!.id;
});

afterAll(async () => {
  await store?.close();
});

// ---- inputs ---------------------------------------------------------------------------------

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return components[schema.$ref.replace('#/components/schemas/', '')] ?? {};
}

const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, -0.5, 1e308, -1e308, 2 ** 53 + 1, 1e21, Number.MAX_SAFE_INTEGER, -2147483649),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-1',
    '1e999',
    '',
    ' ',
    '0x10',
    '１２',
    '\u0000',
    '\ud83d',
    'null',
    'true',
    '[]',
    '{}',
  ),
  fc.constantFrom(
    '💥'.repeat(60),
    '長'.repeat(300),
    'x'.repeat(5000),
    "'; DROP TABLE ledger_entries; --",
    '<script>alert(1)</script>',
  ),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.string({ maxLength: 20, unit: 'grapheme' }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}') as unknown),
  fc.constant([[[[[[[[[[[]]]]]]]]]]]),
);

function valid(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'number':
    case 'integer': {
      const min = s.minimum ?? 1;
      const max = s.maximum ?? 60;
      return fc.oneof(fc.integer({ min, max }), ...(typeof s.example === 'number' ? [fc.constant(s.example)] : []));
    }
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.oneof(
        ...(typeof s.example === 'string' ? [fc.constant(s.example)] : []),
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }),
        fc.uuid(),
      );
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(valid(s.items ?? {}, depth + 1), { minLength: 1, maxLength: 3 });
    case 'object':
    default: {
      if (!s.properties || depth > 3) return fc.constant({});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, prop] of Object.entries(s.properties)) record[name] = valid(prop, depth + 1);
      return fc.record(record, { requiredKeys: s.required ?? [] });
    }
  }
}

/** A body shaped like the schema where any field may be garbage, missing or joined by an unknown one. */
function mutated(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.type === 'array' && depth < 3) {
    return fc.array(fc.oneof(mutated(s.items ?? {}, depth + 1), garbage), { maxLength: 25 });
  }
  if (!s.properties || depth > 3) return fc.oneof(valid(s, depth), garbage);
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, prop] of Object.entries(s.properties)) {
    fields[name] = fc.option(
      fc.oneof(
        { arbitrary: valid(prop, depth + 1), weight: 2 },
        { arbitrary: mutated(prop, depth + 1), weight: 1 },
        { arbitrary: garbage, weight: 2 },
      ),
      {
        nil: undefined,
      },
    );
  }
  return fc
    .tuple(
      fc.record(fields),
      fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), garbage), { nil: undefined }),
    )
    .map(([record, extra]) => {
      const body: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(record)) if (value !== undefined) body[key] = value;
      if (extra) body[extra[0]] = extra[1];
      return body;
    });
}

const malformedJson = fc.constantFrom(
  '{',
  '{"items": [',
  'not json',
  '[1,2',
  '{"a":1}}',
  '\u0000',
  '{"qr": "\\ud800"}',
  '{"name":"a","name":"b"}',
  'null',
  '123',
  '"text"',
);

const pathValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.uuid(), weight: 3 },
    {
      arbitrary: fc.constantFrom(known.redemptionId, known.memberId, known.accountId, ...known.productIds),
      weight: 3,
    },
    { arbitrary: fc.integer({ min: -5, max: 100 }).map(String), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '0',
        '1e3',
        '9999999999999999999999',
        'NaN',
        '-0',
        '%FF',
        '%00',
        '..%2F..%2Fetc',
        'undefined',
        ' 1',
        'x'.repeat(3000),
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).map(encodeURIComponent), weight: 1 },
  );

const queryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2026-11-01',
    '2026-02-31',
    '1970-01-01',
    '9999-12-31',
    '2026-13-01',
    '',
    'yesterday',
    '2026-11-01T00:00:00Z',
  ),
  fc.string({ maxLength: 20 }),
);

const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constant('').map(() => newKey()),
  fc.stringMatching(/^[\x21-\x7e]{0,12}$/),
  fc.constantFrom('x'.repeat(101), 'abcdefgh', 'with space here', '        '),
);

function authFor(op: Operation): fc.Arbitrary<Request['auth']> {
  const residentRoute =
    (op.path === '/api/redemptions' && op.method === 'POST') ||
    op.path === '/api/sessions/current' ||
    op.path === '/api/redemptions/{id}';
  const main = residentRoute ? 'resident' : 'admin';
  return fc.oneof(
    { arbitrary: fc.constant<Request['auth']>(main), weight: 8 },
    { arbitrary: fc.constantFrom<Request['auth']>('admin', 'volunteer', 'resident', 'none', 'bogus'), weight: 2 },
  );
}

function requestFor(op: Operation): fc.Arbitrary<Request> {
  const path = fc.tuple(
    ...op.parameters.filter((p) => p.in === 'path').map((p) => pathValue().map((value) => [p.name, value] as const)),
  );
  const query = fc.tuple(
    ...op.parameters
      .filter((p) => p.in === 'query')
      .map((p) =>
        fc.option(
          queryValue.map((value) => [p.name, value] as const),
          { nil: undefined },
        ),
      ),
  );
  const headers = fc.tuple(
    ...op.parameters
      .filter((p) => p.in === 'header')
      .map((p) =>
        fc.option(
          headerValue.map((value) => [p.name, value] as const),
          { freq: 6, nil: undefined },
        ),
      ),
  );
  const body: fc.Arbitrary<{ body?: unknown; rawBody?: string }> = op.body
    ? fc.oneof(
        { arbitrary: valid(op.body).map((value) => ({ body: value })), weight: 3 },
        { arbitrary: mutated(op.body).map((value) => ({ body: value })), weight: 5 },
        { arbitrary: garbage.map((value) => ({ body: value })), weight: 1 },
        { arbitrary: malformedJson.map((raw) => ({ rawBody: raw })), weight: 1 },
      )
    : op.method === 'GET' || op.method === 'DELETE'
      ? fc.constant({})
      : fc.oneof(
          { arbitrary: fc.constant({}), weight: 4 },
          { arbitrary: garbage.map((value) => ({ body: value })), weight: 1 },
        );
  return fc.record({ path, query, headers, body, auth: authFor(op) }).map((r) => {
    let concrete = op.path;
    for (const [name, value] of r.path) concrete = concrete.replace(`{${name}}`, value);
    const search = r.query
      .filter((q) => q !== undefined)
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
    if (search.length > 0) concrete += `?${search.join('&')}`;
    const headerEntries = r.headers.filter((h) => h !== undefined);
    return {
      op,
      path: concrete,
      headers: Object.fromEntries(headerEntries),
      auth: r.auth,
      ...r.body,
    } satisfies Request;
  });
}

// ---- sending and judging ----------------------------------------------------------------------

interface Finding {
  request: string;
  status: number;
  problem: string;
}

async function tokenFor(request: Request): Promise<string | undefined> {
  const endsSession = request.op.method === 'DELETE' && request.op.path.endsWith('/current');
  switch (request.auth) {
    case 'none':
      return undefined;
    case 'bogus':
      return 'bm90LWEtcmVhbC10b2tlbg';
    case 'volunteer':
      return endsSession ? staffToken(store.api, 'volunteer').catch(() => undefined) : volunteerToken;
    case 'resident':
      if (!endsSession) return resident.token;
      return (await store.api.post<{ token: string }>('/api/sessions', { qr: visitor.qr })).body.token;
    case 'admin':
      return endsSession ? spareAdminTokens.pop() : store.adminToken;
  }
}

function describeRequest(request: Request): string {
  const body = request.rawBody ?? (request.body === undefined ? '' : JSON.stringify(request.body));
  const shown = body.length > 200 ? `${body.slice(0, 200)}…(${body.length})` : body;
  return `${request.op.method} ${request.path.slice(0, 200)} [${request.auth}] ${JSON.stringify(request.headers)} ${shown}`;
}

const unchangedFields: (keyof Snapshot)[] = [
  'ledgerEntries',
  'balances',
  'stock',
  'stockMovements',
  'redemptions',
  'redemptionLines',
  'voided',
  'idempotencyRecords',
];

async function send(request: Request, findings: Finding[]): Promise<ApiResponse> {
  const token = await tokenFor(request);
  const before = await snapshot(store.db);
  const entriesBefore = (await verify(store.admin)).entries;
  const api = store.api.as(token);
  const payload = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  let response: ApiResponse;
  try {
    response = await api.request(request.op.method, request.path, payload, request.headers);
  } catch (error) {
    const exit = store.kiosk.child.exitCode ?? store.kiosk.child.signalCode;
    const log = store.kiosk.output().split('\n').slice(-15).join('\n');
    throw new Error(
      `no HTTP answer (${String(error)}; server exit: ${exit ?? 'still running'}) to\n  ${describeRequest(request)}\nserver output:\n${log}`,
    );
  }
  const shown = describeRequest(request);
  if (response.status >= 500) {
    findings.push({ request: shown, status: response.status, problem: `server error: ${response.text.slice(0, 300)}` });
  }
  if (response.status >= 400) {
    let body: { statusCode?: unknown; code?: unknown; message?: unknown } | undefined;
    try {
      body = JSON.parse(response.text) as typeof body;
    } catch {
      body = undefined;
    }
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) {
      findings.push({ request: shown, status: response.status, problem: `error served as "${type}"` });
    }
    const shapeOk =
      typeof body === 'object' &&
      body !== null &&
      body.statusCode === response.status &&
      typeof body.code === 'string' &&
      ERROR_CODE.test(body.code) &&
      typeof body.message === 'string' &&
      body.message.length > 0;
    if (!shapeOk)
      findings.push({ request: shown, status: response.status, problem: `error body: ${response.text.slice(0, 300)}` });
    if (response.status < 500) {
      const after = await snapshot(store.db);
      const changed = unchangedFields.filter((field) => after[field] !== before[field]);
      const entriesAfter = (await verify(store.admin)).entries;
      if (changed.length > 0 || entriesAfter !== entriesBefore) {
        findings.push({
          request: shown,
          status: response.status,
          problem: `refused yet changed ${changed.join(', ')} (ledger entries ${entriesBefore} → ${entriesAfter})`,
        });
      }
    }
  }
  return response;
}

/** A volunteer of its own for the routes that change one person, so the fuzz never touches the seeded staff. */
async function newStaffId(displayName: string): Promise<string> {
  const created = await store.admin.post<{ id: string }>('/api/staff', {
    displayName,
    role: 'volunteer',
    pin: '975310',
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id;
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.status} ${f.problem}\n    ${f.request}`).join('\n');
}

/** A body each route accepts (checked: it answers 2xx), so that changing one field tests that field alone. */
async function validBase(
  route: string,
): Promise<{ body: Record<string, unknown>; request: () => Request } | undefined> {
  const op = operations.find((o) => `${o.method} ${o.path}` === route)!;
  const productId = known.productIds[1]!;
  const fresh = async () => {
    const done = await redeem(resident.api, [{ productId, quantity: 1 }]);
    return done.body.id;
  };
  const bases: Record<
    string,
    () => Promise<{ path?: string; body: Record<string, unknown>; auth: Request['auth']; key?: boolean }>
  > = {
    'POST /api/points/awards': async () => ({
      body: { accountId: known.accountId, points: 2, reason: '志愿服务' },
      auth: 'admin',
    }),
    'POST /api/members': async () => ({ body: { name: '王小明', household: '3栋201' }, auth: 'admin' }),
    'POST /api/sessions': async () => ({ body: { qr: visitor.qr }, auth: 'none' }),
    'POST /api/staff/sessions': async () => ({ body: { username: 'volunteer', pin: VOLUNTEER_PIN }, auth: 'none' }),
    'POST /api/staff/cards/scans': async () => ({ body: { qr: staffCardQr(store.kiosk, 'volunteer') }, auth: 'none' }),
    'POST /api/staff': async () => ({
      body: { displayName: '周阿姨', role: 'volunteer', pin: '246813' },
      auth: 'admin',
    }),
    'PATCH /api/staff/{id}': async () => ({
      path: `/api/staff/${await newStaffId('吴师傅')}`,
      body: { displayName: '吴师傅', role: 'volunteer', active: true },
      auth: 'admin',
    }),
    'POST /api/staff/{id}/pin': async () => ({
      path: `/api/staff/${await newStaffId('郑大姐')}/pin`,
      body: { pin: '135792' },
      auth: 'admin',
    }),
    'PUT /api/staff/current/pin': async () => ({
      body: { currentPin: VOLUNTEER_PIN, newPin: VOLUNTEER_PIN },
      auth: 'volunteer',
    }),
    'POST /api/products': async () => ({
      body: {
        name: '食用油 5L',
        category: '粮油',
        pricePoints: 30,
        stock: 20,
        monthlyLimit: 2,
        lowStockThreshold: 5,
        imageUrl: '/images/products/oil.svg',
        active: true,
      },
      auth: 'admin',
    }),
    'PATCH /api/products/{id}': async () => ({
      path: `/api/products/${productId}`,
      body: {
        name: '测试商品甲',
        category: '测试',
        pricePoints: 2,
        stock: 400,
        monthlyLimit: 50,
        lowStockThreshold: 5,
        imageUrl: '/images/products/oil.svg',
        active: true,
      },
      auth: 'admin',
    }),
    'POST /api/redemptions': async () => ({
      body: { items: [{ productId, quantity: 1 }] },
      auth: 'resident',
      key: true,
    }),
    'POST /api/redemptions/{id}/void': async () => ({
      path: `/api/redemptions/${await fresh()}/void`,
      body: { reason: '误兑换' },
      auth: 'admin',
    }),
    'PATCH /api/settings': async () => ({
      body: {
        storeName: '幸福社区积分超市',
        minRedeemBalance: 10,
        residentIdleSeconds: 120,
        receiptHeader: '',
        receiptFooter: '谢谢',
        showNameOnCard: true,
      },
      auth: 'admin',
    }),
    'POST /api/inventory/restocks': async () => ({ body: { productId, quantity: 20, note: '补货' }, auth: 'admin' }),
    'POST /api/inventory/stocktakes': async () => ({
      body: { counts: [{ productId, counted: 300 }], note: '盘点' },
      auth: 'admin',
    }),
    'PATCH /api/members/{id}': async () => ({
      path: `/api/members/${known.memberId}`,
      body: { name: '王小明' },
      auth: 'admin',
    }),
    'POST /api/members/{id}/move': async () => ({
      path: `/api/members/${(await createMember(store.admin)).memberId}/move`,
      body: { newHousehold: '9栋909', transferBalance: true },
      auth: 'admin',
    }),
    'POST /api/members/lookup': async () => ({ body: { qr: resident.qr }, auth: 'volunteer' }),
    'POST /api/cards/{cardNo}/revoke': async () => ({
      path: `/api/cards/${(await createMember(store.admin)).cardNo}/revoke`,
      body: { reason: '卡片遗失' },
      auth: 'admin',
    }),
    'POST /api/activities': async () => ({
      body: { name: `测试项目${newKey()}`.slice(0, 40), defaultPoints: 3 },
      auth: 'admin',
    }),
    'PATCH /api/activities/{id}': async () => {
      const name = `测试项目${newKey()}`.slice(0, 40);
      const activity = await store.admin.post<{ id: string }>('/api/activities', { name, defaultPoints: 3 });
      return {
        path: `/api/activities/${activity.body.id}`,
        body: { name, defaultPoints: 4, active: true },
        auth: 'admin',
      };
    },
    'POST /api/events': async () => ({
      body: { activityId: known.activityId, points: 2, name: '志愿服务' },
      auth: 'admin',
    }),
    'POST /api/events/{id}/check-ins': async () => {
      const event = await store.admin.post<{ id: string }>('/api/events', { activityId: known.activityId, points: 2 });
      return { path: `/api/events/${event.body.id}/check-ins`, body: { qr: resident.qr }, auth: 'admin' };
    },
  };
  const make = bases[route];
  if (!make) return undefined;
  const base = await make();
  const request = (): Request => ({
    op,
    path: base.path ?? op.path,
    body: base.body,
    headers: base.key ? { 'Idempotency-Key': newKey() } : {},
    auth: base.auth,
  });
  const check = request();
  const answer = await store.api
    .as(await tokenFor(check))
    .request(op.method, check.path, JSON.stringify(base.body), check.headers);
  expect(answer.status, `${route} with ${JSON.stringify(base.body)}: ${answer.text}`).toBeLessThan(300);
  return { body: base.body, request };
}

/**
 * The random requests may have raised the minimum balance or shortened the resident idle time (both
 * valid admin changes): put the rules back and scan the card again so known-good requests pass.
 */
async function restoreStoreRules(): Promise<void> {
  const reset = await store.admin.patch('/api/settings', { minRedeemBalance: 10, residentIdleSeconds: 120 });
  expect(reset.status, reset.text).toBe(200);
  const session = await scan(store.api, resident.qr);
  resident = { ...resident, api: session.api, token: session.token };
}

// ---- the tests --------------------------------------------------------------------------------

describe('HTTP fuzz of every route in the OpenAPI document', () => {
  it('the document lists the core routes and their bodies', () => {
    const routes = operations.map((op) => `${op.method} ${op.path}`);
    for (const route of [
      'POST /api/redemptions',
      'POST /api/sessions',
      'POST /api/products',
      'PATCH /api/products/{id}',
      'GET /api/audit/verify',
    ]) {
      expect(routes).toContain(route);
    }
    expect(operations.filter((op) => op.body).length).toBeGreaterThanOrEqual(9);
  });

  it('schema-derived and garbage requests: no 5xx, every error is {statusCode, code, message}, no 4xx leaves a trace', async () => {
    const arbitrary = fc.constantFrom(...operations).chain(requestFor);
    const requests = fc.sample(arbitrary, { numRuns: 260, seed: 20261122 });
    const findings: Finding[] = [];
    const statuses: Record<string, number> = {};
    for (const request of requests) {
      const response = await send(request, findings);
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
    // The fuzz must reach past the guards and the validation, not only be refused at the door.
    expect(
      Object.keys(statuses).filter((status) => Number(status) < 300).length,
      JSON.stringify(statuses),
    ).toBeGreaterThan(0);
    expect(findings, report(findings)).toEqual([]);
  });

  it('each body field in turn set to null, a wrong type, a huge, negative or fractional number, NaN text, nested junk or unicode', async () => {
    const replacements: unknown[] = [
      null,
      '',
      'NaN',
      1e308,
      -1,
      1.5,
      true,
      { nested: [{ deeper: ['junk'] }] },
      ['列表'],
      '𠜎𠜱👩‍👩‍👧'.repeat(3),
    ];
    const findings: Finding[] = [];
    let sent = 0;
    await restoreStoreRules();
    // The random requests above may have reissued or cancelled the resident's card (which also ends
    // its session); the known-good bodies need a resident whose card and session work.
    resident = await fundedResident(store, 5000);
    // No known-good body exists here for the district's routes: the hub's answer 404 NOT_A_HUB on
    // a kiosk, and enrolling a kiosk that holds the demo store (over the network or by USB file) is
    // refused by design (409).
    const districtOnly = (o: Operation) =>
      o.path.startsWith('/api/hub/') || o.path === '/api/sync/hub' || o.path === '/api/sync/usb/enrol';
    for (const op of operations.filter((o) => o.body && !districtOnly(o))) {
      const route = `${op.method} ${op.path}`;
      const base = await validBase(route);
      expect(base, `a known-good body for ${route}`).toBeDefined();
      const schema = resolve(op.body!);
      for (const field of Object.keys(schema.properties ?? {})) {
        for (const value of replacements) {
          await send({ ...base!.request(), body: { ...base!.body, [field]: value } }, findings);
          sent += 1;
        }
      }
    }
    expect(sent).toBeGreaterThan(150);
    expect(findings, report(findings)).toEqual([]);
  });

  it('unknown routes and methods answer 404 with the error shape', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['PUT', '/api/catalog'],
      ['DELETE', '/api/products/1'],
      ['POST', '/api/audit/verify'],
      ['PUT', '/api/redemptions'],
    ] as const) {
      const response = await store.admin.request(method, path);
      expect(response.status, `${method} ${path}`).toBe(404);
      expectErrorShape(response);
    }
  });
});

describe('errors of the routes that serve files', () => {
  it('are JSON (application/json, no attachment) even where success is a CSV, PNG or PDF', async () => {
    const cases = [
      '/api/exports/redemptions.csv?from=yesterday',
      '/api/exports/redemptions.csv?from=2026-12-01&to=2026-11-01',
      '/api/exports/awards.csv?from=2026-02-30',
      '/api/rankings/month.pdf?month=2026-13',
      '/api/members/not-a-uuid/card.png',
      '/api/members/01890000-0000-7000-8000-000000000000/card.png',
    ].filter((path) =>
      operations.some((op) => path.startsWith(op.path.replace(/\{id\}.*$/, '').replace(/\.csv$/, ''))),
    );
    expect(cases.length).toBeGreaterThanOrEqual(2);
    const wrong: string[] = [];
    for (const path of cases) {
      const response = await store.admin.get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      const type = response.headers.get('content-type') ?? '';
      const disposition = response.headers.get('content-disposition') ?? '';
      if (!type.includes('application/json') || disposition.includes('attachment')) {
        wrong.push(`${path} → ${response.status} as "${type}"${disposition ? ` (${disposition})` : ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('PATCH /api/products/:id with a null field', () => {
  it('refuses name, category, pricePoints, lowStockThreshold or active set to null with 400 VALIDATION_FAILED', async () => {
    const product = await createProduct(store.admin, { pricePoints: 4, stock: 9 });
    for (const field of ['name', 'category', 'pricePoints', 'lowStockThreshold', 'active']) {
      const response = await store.admin.patch(`/api/products/${product.id}`, { [field]: null });
      expect(response.status, `${field}: null → ${response.text}`).toBe(400);
      expectError(response, 400, 'VALIDATION_FAILED');
    }
  });

  it('does not empty the shelf for stock:null (refused, stock unchanged, no movement)', async () => {
    const product = await createProduct(store.admin, { pricePoints: 4, stock: 9 });
    const before = await snapshot(store.db);
    const response = await store.admin.patch<{ stock: number }>(`/api/products/${product.id}`, { stock: null });
    expect(response.status, response.text).toBe(400);
    expect((await productByName(store.api, product.name)).stock).toBe(9);
    expect((await snapshot(store.db)).stockMovements).toBe(before.stockMovements);
  });
});
