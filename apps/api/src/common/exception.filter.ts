import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type {} from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ErrorBody, ErrorCode } from '@commons/domain';
import { RateLimitedException } from './rate-limiter';

const CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** Postgres/pool failures that mean "the database is not there right now", not "your input is bad". */
const UNAVAILABLE = /ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection/i;

/** Maps anything thrown to the contract's `{ error: { code, message, fields? } }`. */
export function toErrorResponse(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const { message, fields } = typeof response === 'string' ? { message: response, fields: undefined } : (response as { message?: unknown; fields?: Record<string, string> });
    return {
      status,
      body: { error: { code: CODES[status] ?? (status < 500 ? 'validation_failed' : 'internal'), message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message), ...(fields && { fields }) } },
    };
  }
  // Fastify's own errors (body too large, bad JSON, wrong content type) carry a 4xx statusCode.
  const e = exception as { statusCode?: number; message?: string; code?: string } | undefined;
  if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error: { code: CODES[e.statusCode] ?? 'validation_failed', message: e.message ?? 'Bad request' } } };
  }
  const pgCode = exception instanceof QueryFailedError ? ((exception.driverError as { code?: string })?.code ?? '') : '';
  // 22P02 bad text representation; 22021 / 22P05 characters Postgres cannot store (U+0000).
  if (['22P02', '22021', '22P05'].includes(pgCode)) {
    return { status: 400, body: { error: { code: 'validation_failed', message: 'A value has the wrong format' } } };
  }
  // An id past Postgres's integer range (zod's int() allows 2^53): the row cannot exist.
  if (pgCode === '22003') {
    return { status: 400, body: { error: { code: 'validation_failed', message: 'A number is out of range' } } };
  }
  // Not `instanceof Error`: socket errors from node's own modules can come from another realm (jest's vm).
  const message = (exception as { message?: unknown } | undefined)?.message;
  if (typeof message === 'string' && UNAVAILABLE.test(message)) {
    return { status: 503, body: { error: { code: 'unavailable', message: 'The database is unavailable; try again shortly' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side' } } };
}

@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  constructor(private readonly webIndex: boolean) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') return;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const { status, body } = toErrorResponse(exception);
    // The web client routes in the browser: an unknown non-API page gets index.html, which shows its own 404.
    if (status === 404 && this.webIndex && request.method === 'GET' && !request.url.startsWith('/api')) {
      return reply.type('text/html').sendFile('index.html');
    }
    // With the request's id, which its answer carries in x-request-id: services' lines have no request context.
    if (status >= 500) this.logger.error(`request ${request.id}: ${exception instanceof Error ? exception.stack : String(exception)}`);
    if (status === HttpStatus.SERVICE_UNAVAILABLE) reply.header('retry-after', '5');
    if (exception instanceof RateLimitedException) reply.header('retry-after', String(exception.retryAfterSeconds));
    // JSON whatever the route meant to send (a route may have set text/html before it threw).
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  }
}
