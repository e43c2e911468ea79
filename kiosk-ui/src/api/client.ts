import createClient from 'openapi-fetch';
import { connection } from '../state/connection.svelte';
import { type ErrorDetails, errorDetailsOf, NETWORK_ERROR } from './errors';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Product = Schemas['ProductResponse'];
export type Redemption = Schemas['RedemptionResponse'];
export type PrintStatus = Redemption['print']['status'];
export type StartedSession = Schemas['ResidentSessionResponse'];
export type CurrentSession = Schemas['CurrentSessionResponse'];
export type Ranking = Schemas['RankingRowResponse'];
export type KioskInfo = Schemas['KioskInfoResponse'];
export type RedemptionItem = Schemas['RedemptionItemDto'];

/**
 * A refused or failed request: the server's error code, or NETWORK when no answer came, and the
 * numbers behind a refusal (`details`, empty when the server sent none).
 */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

const REQUEST_TIMEOUT_MS = 10_000;

/** The typed client; the staff console builds its own calls on it (and on `call`, `bearer`, `timeout`). */
export const client = createClient<paths>({ baseUrl: '' });

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Runs one request: its data on success, an ApiFailure otherwise; tells `connection` what happened. */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (error) {
    connection.lost();
    throw new ApiFailure(NETWORK_ERROR, 0, String(error));
  }
  const { response } = result;
  const body = (result.error ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  if (response.status >= 502 && response.status <= 504 && typeof body.code !== 'string') {
    // A proxy in front of a stopped server.
    connection.lost();
    throw new ApiFailure(NETWORK_ERROR, response.status, response.statusText);
  }
  connection.reached();
  if (response.ok) return result.data as T;
  const code = typeof body.code === 'string' ? body.code : `HTTP_${response.status}`;
  const message = typeof body.message === 'string' ? body.message : '';
  throw new ApiFailure(code, response.status, message, errorDetailsOf(body.details));
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
export const timeout = () => AbortSignal.timeout(REQUEST_TIMEOUT_MS);

export const api = {
  kiosk: () => call<KioskInfo>(client.GET('/api/kiosk', { signal: timeout() })),

  rankings: () => call<Ranking[]>(client.GET('/api/rankings/month', { signal: timeout() })),

  startSession: (qr: string) => call<StartedSession>(client.POST('/api/sessions', { body: { qr }, signal: timeout() })),

  currentSession: (token: string) =>
    call<CurrentSession>(client.GET('/api/sessions/current', { headers: bearer(token), signal: timeout() })),

  endSession: (token: string) =>
    call<void>(client.DELETE('/api/sessions/current', { headers: bearer(token), keepalive: true, signal: timeout() })),

  catalog: () => call<Product[]>(client.GET('/api/catalog', { signal: timeout() })),

  redeem: (token: string, idempotencyKey: string, items: RedemptionItem[]) =>
    call<Redemption>(
      client.POST('/api/redemptions', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: { items },
        headers: bearer(token),
        signal: timeout(),
      }),
    ),

  redemption: (token: string, id: string) =>
    call<Redemption>(
      client.GET('/api/redemptions/{id}', { params: { path: { id } }, headers: bearer(token), signal: timeout() }),
    ),
};

/** A fresh Idempotency-Key: 32 hex digits, from the platform's random source. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
