import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '@commons/domain';

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
/**
 * RFC 8058 one-click unsubscribe: mail providers POST a form to the emailed link. It carries its own
 * signed token and needs no session, so a forged one can do nothing a cross-site form could exploit.
 */
const FORM_ALLOWED = new Set(['/api/notifications/unsubscribe']);

/**
 * Bodies must be JSON. A cross-site HTML form can only send form encodings and text/plain (no preflight),
 * so refusing them here, before any parser runs, is the CSRF defence next to SameSite=Lax cookies; it
 * also stops login CSRF (signing a victim into the attacker's account), where no cookie is needed.
 */
export async function refuseNonJsonBodies(request: FastifyRequest, reply: FastifyReply) {
  const type = request.headers['content-type'];
  if (type === undefined || JSON_TYPE.test(type) || request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
  if (FORM_ALLOWED.has(request.url.split('?')[0]) && /^application\/x-www-form-urlencoded/i.test(type)) return;
  const body: ErrorBody = { error: { code: 'unsupported_media_type', message: 'Send the body as JSON (Content-Type: application/json)' } };
  return reply.code(415).type('application/json; charset=utf-8').send(body);
}
