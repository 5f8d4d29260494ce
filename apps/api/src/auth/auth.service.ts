import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { AuthSession } from './auth-user';
import { SessionRepository } from './session.repository';

/** Only a token's hash is ever stored. */
export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** Who a session cookie belongs to: for the HTTP guard and the socket handshake alike. */
@Injectable()
export class AuthService {
  constructor(private readonly sessions: SessionRepository) {}

  /** The session for a cookie token, or null. */
  async validate(token: string): Promise<AuthSession | null> {
    return (await this.validateMany([token])).get(token) ?? null;
  }

  /** Many tokens in one query (an instance re-checking all its sockets); the live ones, by token. */
  async validateMany(tokens: string[]): Promise<Map<string, AuthSession>> {
    const byHash = new Map(tokens.filter((t) => t.length <= 200).map((t) => [hashToken(t), t]));
    if (!byHash.size) return new Map();
    const live = await this.sessions.live([...byHash.keys()]);
    return new Map([...live].map(([tokenHash, auth]) => [byHash.get(tokenHash)!, auth]));
  }
}
