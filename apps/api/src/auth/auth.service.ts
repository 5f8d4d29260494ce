import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ENV, Env } from '../config/env';
import type { AuthSession } from './auth-user';
import { SessionRepository } from './session.repository';

/** Only a token's hash is ever stored. */
export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** What personal access tokens start with: a script's `Authorization: Bearer …` is recognisable in logs and secret scanners. */
export const PERSONAL_TOKEN_PREFIX = 'cdt_';

/** Who a session cookie belongs to: for the HTTP guard and the socket handshake alike. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly sessions: SessionRepository,
  ) {}

  /** The session for a cookie token, or null. */
  async validate(token: string): Promise<AuthSession | null> {
    return (await this.validateMany([token])).get(token) ?? null;
  }

  /**
   * The session for a cookie token on an HTTP request, extended when in use (at most once an hour):
   * `slid` is set when its expiry moved, so the cookie is sent again with the new one.
   */
  async validateInUse(token: string): Promise<(AuthSession & { slid: boolean }) | null> {
    if (token.length > 200) return null;
    const found = (await this.sessions.live([hashToken(token)], this.env.SESSION_TTL_HOURS)).values().next().value;
    if (!found) return null;
    const { slide, ...auth } = found;
    if (!slide) return { ...auth, slid: false };
    const expiresAt = await this.sessions.slide(auth.session.id, this.env.SESSION_TTL_HOURS, this.env.SESSION_MAX_DAYS);
    if (!expiresAt) return null;
    return { ...auth, session: { ...auth.session, expiresAt }, slid: expiresAt.getTime() !== auth.session.expiresAt.getTime() };
  }

  /** The person a personal access token (`Authorization: Bearer cdt_…`) stands for, read-only; null if unknown or revoked. */
  async validatePersonalToken(token: string): Promise<AuthSession | null> {
    if (token.length > 200) return null;
    return this.sessions.personalToken(hashToken(token));
  }

  /** Many tokens in one query (an instance re-checking all its sockets); the live ones, by token. */
  async validateMany(tokens: string[]): Promise<Map<string, AuthSession>> {
    const byHash = new Map(tokens.filter((t) => t.length <= 200).map((t) => [hashToken(t), t]));
    if (!byHash.size) return new Map();
    const live = await this.sessions.live([...byHash.keys()]);
    return new Map([...live].map(([tokenHash, { slide: _, ...auth }]) => [byHash.get(tokenHash)!, auth]));
  }
}
