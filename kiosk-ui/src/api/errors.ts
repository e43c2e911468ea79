import type { MessageKey } from '../i18n/zh-CN';

/** The code the client gives a request that never reached the server (or got no answer). */
export const NETWORK_ERROR = 'NETWORK';

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
  return code === 'SESSION_REQUIRED';
}

/**
 * What a LIMIT_EXCEEDED answer says about the products in the cart. The server names the product
 * in its message ("食用油 5L: at most 1 per month; 1 already redeemed this month."), so the cart
 * can take it off and say which one; `left` is how many may still be redeemed this month.
 */
export function limitsFromMessage(
  message: string,
  products: readonly { id: number; name: string }[],
): { id: number; name: string; left: number }[] {
  const found: { id: number; name: string; left: number }[] = [];
  for (const product of products) {
    const at = product.name ? message.indexOf(product.name) : -1;
    if (at < 0) continue;
    const rest = message.slice(at + product.name.length);
    const numbers = /at most (\d+) per month; (\d+) already/.exec(rest);
    const left = numbers ? Math.max(0, Number(numbers[1]) - Number(numbers[2])) : 0;
    found.push({ id: product.id, name: product.name, left });
  }
  return found;
}
