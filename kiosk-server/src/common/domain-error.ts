/**
 * The one error type of the service. Every rule that refuses a request throws this with a
 * stable UPPER_SNAKE code; the exception filter turns it into `{statusCode, code, message}`.
 */
export class DomainError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(message: string): DomainError {
    return new DomainError(400, 'VALIDATION_FAILED', message);
  }

  static notFound(code: string, message: string): DomainError {
    return new DomainError(404, code, message);
  }

  static conflict(code: string, message: string): DomainError {
    return new DomainError(409, code, message);
  }

  static unauthorized(code: string, message: string): DomainError {
    return new DomainError(401, code, message);
  }

  static forbidden(message = 'This action needs another staff role.'): DomainError {
    return new DomainError(403, 'FORBIDDEN', message);
  }
}
