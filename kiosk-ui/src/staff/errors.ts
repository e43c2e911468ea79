import { detailNumber, errorMessageKey, NETWORK_ERROR } from '../api/errors';
import { ApiFailure } from '../api/client';
import type { Params } from '../i18n/types';
import type { StaffTextKey } from './i18n';

/** Error codes the staff screens meet, in plain words; resident codes (cards…) keep their words. */
const STAFF_MESSAGES: Record<string, StaffTextKey> = {
  PIN_INVALID: 'signIn.pinInvalid',
  STAFF_SESSION_REQUIRED: 'staffError.sessionExpired',
  FORBIDDEN: 'staffError.forbidden',
  VALIDATION_FAILED: 'staffError.invalid',
  PRODUCT_NOT_FOUND: 'staffError.productNotFound',
  ALREADY_VOIDED: 'staffError.alreadyVoided',
  EVENT_CLOSED: 'staffError.eventClosed',
  EVENT_NOT_FOUND: 'staffError.notFound',
  REDEMPTION_NOT_FOUND: 'staffError.notFound',
  ACTIVITY_NOT_FOUND: 'staffError.notFound',
  MEMBER_NOT_FOUND: 'staffError.memberNotFound',
  ACCOUNT_NOT_FOUND: 'staffError.accountNotFound',
  CARD_NOT_FOUND: 'staffError.cardNotFound',
  // The resident screens' words for these send the reader to a volunteer, who is the reader here.
  CARD_INVALID: 'staffError.cardInvalid',
  CARD_REVOKED: 'staffError.cardRevoked',
  ALREADY_REVOKED: 'staffError.alreadyRevoked',
  ACCOUNT_NOT_EMPTY: 'staffError.accountNotEmpty',
  SAME_ACCOUNT: 'staffError.sameAccount',
  NOT_A_HOUSEHOLD: 'staffError.notAHousehold',
  BARCODE_TAKEN: 'staffError.barcodeTaken',
  UNSUPPORTED_IMAGE: 'staffError.unsupportedImage',
  PAYLOAD_TOO_LARGE: 'staffError.imageTooLarge',
  [NETWORK_ERROR]: 'staffError.network',
};

export function staffErrorKey(code: string): StaffTextKey {
  const own = STAFF_MESSAGES[code];
  if (own) return own;
  const resident = errorMessageKey(code);
  return resident === 'error.generic' ? 'staffError.generic' : resident;
}

/** Any thrown value as an ApiFailure (a bug in the page becomes "something went wrong"). */
export function failureOf(error: unknown): ApiFailure {
  return error instanceof ApiFailure ? error : new ApiFailure('UNKNOWN', 0, String(error));
}

/** The lock's longest length on the server, for when a LOCKED_OUT answer carries no details. */
const LOCKOUT_MINUTES = 5;

/** The whole minutes a LOCKED_OUT answer asks to wait (`details.retryAfterSeconds`, rounded up); at least 1. */
export function lockedMinutes(failure: Pick<ApiFailure, 'details'>): number {
  const seconds = detailNumber(failure.details, 'retryAfterSeconds');
  return seconds === null ? LOCKOUT_MINUTES : Math.max(1, Math.ceil(seconds / 60));
}

/** A text key and the numbers it shows. */
export interface StaffErrorText {
  key: StaffTextKey;
  params?: Params;
}

/**
 * A sign-in refused for too many wrong PINs. The server slows the address that sent them (30 s,
 * then longer with each further wrong PIN) and, after more, the username for everyone (up to
 * 5 minutes); either way the answer says how long to wait. Under a minute the wait is said in
 * seconds, so a volunteer is not told "1 minute" for a 30-second pause.
 */
export function lockedOutText(failure: Pick<ApiFailure, 'details'>): StaffErrorText {
  const seconds = detailNumber(failure.details, 'retryAfterSeconds');
  if (seconds !== null && seconds < 60)
    return { key: 'signIn.lockedOutSeconds', params: { n: Math.max(1, Math.ceil(seconds)) } };
  return { key: 'signIn.lockedOut', params: { n: lockedMinutes(failure) } };
}

/**
 * A reprint refused (429 REPRINT_LIMIT): too many of this receipt within a minute (`details.
 * retryAfterSeconds`: wait and try again), or as many as one receipt may ever get (`details.limit`).
 */
export function reprintLimitText(failure: Pick<ApiFailure, 'details'>): StaffErrorText {
  const seconds = detailNumber(failure.details, 'retryAfterSeconds');
  if (seconds !== null) return { key: 'staffError.reprintTooFast', params: { n: Math.max(1, Math.ceil(seconds)) } };
  const limit = detailNumber(failure.details, 'limit');
  return limit === null
    ? { key: 'staffError.reprintLimit' }
    : { key: 'staffError.reprintLimitOf', params: { n: limit } };
}

/** Any refusal in plain words for a staff screen, with the numbers of its details where it has some. */
export function staffErrorText(failure: Pick<ApiFailure, 'code' | 'details'>): StaffErrorText {
  if (failure.code === 'LOCKED_OUT') return lockedOutText(failure);
  if (failure.code === 'REPRINT_LIMIT') return reprintLimitText(failure);
  return { key: staffErrorKey(failure.code) };
}
