import type { MessageKey } from '../i18n/zh-CN';

/** The code the client gives a request that never reached the server (or got no answer). */
export const NETWORK_ERROR = 'NETWORK';

/**
 * The numbers behind a refusal, from the error body's `details` (per code, e.g. LIMIT_EXCEEDED →
 * `{productId, limit, alreadyThisMonth}`): screens read these, never the English message.
 */
export type ErrorDetails = Readonly<Record<string, string | number | boolean>>;

/** An error body's `details` as sent, keeping only plain values: an odd body (a proxy's) gives none. */
export function errorDetailsOf(value: unknown): ErrorDetails {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const details: Record<string, string | number | boolean> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') details[key] = item;
  }
  return details;
}

/** Every error code the resident screens can meet, in plain words; anything else is "something went wrong". */
const MESSAGES: Record<string, MessageKey> = {
  INSUFFICIENT_POINTS: 'error.insufficientPoints',
  OUT_OF_STOCK: 'error.outOfStock',
  LIMIT_EXCEEDED: 'error.limitExceeded',
  BELOW_MINIMUM_BALANCE: 'error.belowMinimum',
  PRODUCT_UNAVAILABLE: 'error.productUnavailable',
  PRODUCT_NOT_FOUND: 'error.productUnavailable',
  CARD_INVALID: 'error.cardInvalid',
  CARD_REVOKED: 'error.cardRevoked',
  MEMBER_MOVED: 'error.memberMoved',
  OFFLINE_ALLOWANCE: 'error.offlineAllowance',
  SESSION_REQUIRED: 'error.sessionExpired',
  IDEMPOTENCY_KEY_IN_USE: 'error.busy',
  [NETWORK_ERROR]: 'error.network',
};

export function errorMessageKey(code: string): MessageKey {
  return MESSAGES[code] ?? 'error.generic';
}

/** Errors after which the same request is simply sent again (same Idempotency-Key for a checkout). */
export function isRetryable(code: string): boolean {
  return code === NETWORK_ERROR || code === 'IDEMPOTENCY_KEY_IN_USE';
}

/** Errors that mean the resident's session is gone: back to the Start screen. */
export function endsSession(code: string): boolean {
  return code === 'SESSION_REQUIRED' || code === 'MEMBER_MOVED';
}

/** A number the server put in an error's `details`, or null when it sent none. */
export function detailNumber(details: ErrorDetails, key: string): number | null {
  const value = details[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * What a LIMIT_EXCEEDED answer says (`details: {productId, limit, alreadyThisMonth}`): the product
 * over its monthly limit, so the cart can lower or take off its line and say which one, and `left`,
 * how many of it may still be redeemed this month. Null when the answer carries no such details.
 */
export function monthlyLimitOf(details: ErrorDetails): { productId: string; left: number } | null {
  const productId = details.productId;
  const limit = detailNumber(details, 'limit');
  const already = detailNumber(details, 'alreadyThisMonth');
  if (typeof productId !== 'string' || limit === null || already === null) return null;
  return { productId, left: Math.max(0, limit - already) };
}
