import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, type ErrorDetails } from './domain-error';

/** The one error shape of the API. */
export class ErrorBody {
  @ApiProperty({ example: 402 }) statusCode!: number;
  @ApiProperty({ example: 'INSUFFICIENT_POINTS' }) code!: string;
  @ApiProperty({ example: 'Balance 12 does not cover the total of 30 points.' }) message!: string;
  @ApiPropertyOptional({
    description: 'The numbers behind the refusal, where one matters (per code; see the README)',
    example: { balance: 12, required: 30 },
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
  })
  details?: ErrorDetails;
}

const HTTP_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Maps anything thrown to the one error shape of the API; unexpected errors are logged, never leaked. */
export function toErrorBody(error: unknown, logger: Logger): ErrorBody {
  if (error instanceof DomainError) {
    const body: ErrorBody = { statusCode: error.statusCode, code: error.code, message: error.message };
    if (error.details) body.details = error.details;
    return body;
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    return { statusCode, code: HTTP_CODES[statusCode] ?? 'HTTP_ERROR', message: httpMessage(error) };
  }
  // body-parser and static-file errors carry an HTTP status ("entity.too.large", "entity.parse.failed",
  // a bad %-escape in a path): the client's fault, so answered without logging a stack
  const client = clientErrorOf(error);
  if (client !== undefined) {
    return {
      statusCode: client.status,
      code: HTTP_CODES[client.status] ?? 'VALIDATION_FAILED',
      message: client.message,
    };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Something went wrong; nothing was changed.' };
}

function httpMessage(error: HttpException): string {
  const response = error.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : error.message;
}

function clientErrorOf(error: unknown): { status: number; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, type } = error as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (status === 413) return { status, message: 'The request body is larger than 64 KB.' };
  if (type === 'entity.parse.failed') return { status, message: 'The request body is not valid JSON.' };
  return { status, message: 'The request could not be read.' };
}

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(error, this.logger);
    if (response.headersSent) return;
    // a CSV, PNG or PDF route may have set its own type and file name before failing
    response.removeHeader('Content-Disposition');
    response.status(body.statusCode).type('application/json').json(body);
  }
}
