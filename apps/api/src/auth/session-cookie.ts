import type { FastifyReply } from 'fastify';
import type { Env } from '../config/env';
import { SESSION_COOKIE } from './auth-user';

export function setSessionCookie(reply: FastifyReply, env: Env, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: env.PUBLIC_ORIGIN.startsWith('https:'), expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
