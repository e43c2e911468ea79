import { detailNumber, errorMessageKey, NETWORK_ERROR } from '../api/errors';
import { ApiFailure } from '../api/client';
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

/** The lock's length on the server, for when a LOCKED_OUT answer carries no details. */
const LOCKOUT_MINUTES = 5;

/** The whole minutes a LOCKED_OUT answer asks to wait (`details.retryAfterSeconds`, rounded up); at least 1. */
export function lockedMinutes(failure: Pick<ApiFailure, 'details'>): number {
  const seconds = detailNumber(failure.details, 'retryAfterSeconds');
  return seconds === null ? LOCKOUT_MINUTES : Math.max(1, Math.ceil(seconds / 60));
}
