import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '@commons/domain';

/** The dotted path of the first string holding U+0000 in `value`, or null. */
export function nullCharacterAt(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'body' : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [key, v] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key.replace(/\u0000/g, '\\0')].join('.');
    const found = nullCharacterAt(v, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Postgres text cannot hold U+0000, so a value with one would fail deep inside a write as a 500. No
 * legitimate text has it: refuse it up front, naming the field, for bodies, query strings and paths.
 */
export async function refuseNullCharacters(request: FastifyRequest, reply: FastifyReply) {
  for (const part of [request.params, request.query, request.body]) {
    const field = nullCharacterAt(part);
    if (field === null) continue;
    const body: ErrorBody = { error: { code: 'validation_failed', message: `${field} must not contain the null character`, fields: { [field]: 'Must not contain the null character' } } };
    return reply.code(400).type('application/json; charset=utf-8').send(body);
  }
}
