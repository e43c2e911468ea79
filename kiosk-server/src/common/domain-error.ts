/**
 * The numbers behind a refusal, for a screen to show in its own words without reading the
 * English message (`LIMIT_EXCEEDED` → `{limit, alreadyThisMonth}`, `LOCKED_OUT` → `{retryAfterSeconds}`).
 */
export type ErrorDetails = Record<string, string | number | boolean | null>;

/**
 * The one error type of the service. Every rule that refuses a request throws this with a
 * stable UPPER_SNAKE code; the exception filter turns it into `{statusCode, code, message, details?}`.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(message: string): DomainError {
    return new DomainError(400, 'VALIDATION_FAILED', message);
  }

  static notFound(code: string, message: string, details?: ErrorDetails): DomainError {
    return new DomainError(404, code, message, details);
  }

  static conflict(code: string, message: string, details?: ErrorDetails): DomainError {
    return new DomainError(409, code, message, details);
  }

  static unauthorized(code: string, message: string): DomainError {
    return new DomainError(401, code, message);
  }

  static forbidden(message = 'This action needs another staff role.'): DomainError {
    return new DomainError(403, 'FORBIDDEN', message);
  }
}
