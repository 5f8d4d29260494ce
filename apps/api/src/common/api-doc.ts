import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { ErrorBody } from '@commons/domain';

/** What each error status means here; every one of them has the body `ErrorBody`. */
export const ERRORS = {
  400: 'Bad input: `error.fields` maps each offending field to a message',
  401: 'Not signed in (no valid `commons_session` cookie)',
  403: 'Signed in, but not allowed to do this',
  404: 'No such resource (or not one the caller may see)',
  409: 'Conflicts with the current state',
  413: 'The body is over 1 MiB',
  415: 'The body is not JSON',
  429: 'Too many requests: wait for `Retry-After` seconds',
  503: 'Postgres or Redis is unavailable',
} as const;
export type ErrorStatus = keyof typeof ERRORS;

interface DocOptions {
  summary: string;
  /** The 2xx body's schema; none for 204. */
  returns?: z.ZodType;
  /** The 2xx status (default 200, or 204 when nothing is returned). */
  status?: number;
  /** Statuses this route answers besides those every route of its kind does (openapi.ts adds 400, 401, 413, 415). */
  errors?: ErrorStatus[];
  /** An HTML page rather than JSON. */
  html?: boolean;
  /** A file rather than JSON: its media type (CSV downloads, Atom feeds). */
  produces?: 'text/csv' | 'application/atom+xml';
}

/** One operation's documentation: its summary, its 2xx body and the errors it can answer. */
export function Doc({ summary, returns, html, produces, errors = [], status = returns || html || produces ? 200 : 204 }: DocOptions) {
  const file = html ? 'text/html' : produces;
  const ok = file
    ? [ApiProduces(file), ApiResponse({ status, description: html ? 'An HTML page' : `A ${file} file`, content: { [file]: { schema: { type: 'string' } } } })]
    : [ApiResponse({ status, description: returns ? 'OK' : 'Done; no body', ...(returns && { standardSchema: returns }) })];
  return applyDecorators(
    ApiOperation({ summary }),
    ...ok,
    ...errors.map((code) => ApiResponse({ status: code, description: ERRORS[code], standardSchema: ErrorBody })),
  );
}
