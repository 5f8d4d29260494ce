import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CreatedPersonalToken, PersonalToken, PersonalTokenInput } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { hashToken, PERSONAL_TOKEN_PREFIX } from '../auth/auth.service';
import { refusePersonalData } from '../common/personal-data';

/** Enough for every script a person runs; a bound, so a leaked session cannot mint tokens without end. */
const MAX_TOKENS = 20;

interface TokenRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}

const toToken = (r: TokenRow): PersonalToken => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString(), lastUsedAt: r.last_used_at?.toISOString() ?? null });

@Injectable()
export class PersonalTokensRepository {
  constructor(private readonly db: DataSource) {}

  list(userId: string): Promise<TokenRow[]> {
    return this.db.query(`SELECT id, name, created_at, last_used_at FROM personal_tokens WHERE user_id = $1 ORDER BY created_at DESC, id`, [userId]);
  }

  /** Inserts unless the account already has MAX_TOKENS (counted under a lock on the account, so two at once cannot pass it). */
  async create(userId: string, name: string, tokenHash: string): Promise<TokenRow | null> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      const [{ n }]: { n: number }[] = await manager.query(`SELECT count(*)::int AS n FROM personal_tokens WHERE user_id = $1`, [userId]);
      if (n >= MAX_TOKENS) return null;
      const [row]: TokenRow[] = await manager.query(
        `INSERT INTO personal_tokens (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id, name, created_at, last_used_at`,
        [userId, name, tokenHash],
      );
      return row;
    });
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(`DELETE FROM personal_tokens WHERE id = $1 AND user_id = $2`, [id, userId]);
    return count > 0;
  }
}

/**
 * Read-only personal access tokens for analysts' scripts (Python, R, Power BI): sent as
 * `Authorization: Bearer …`, they read what their owner may read and write nothing (the guard refuses
 * every write). Only a hash is kept; the token is shown once, when made.
 */
@Injectable()
export class PersonalTokensService {
  constructor(private readonly tokens: PersonalTokensRepository) {}

  async list(user: AuthUser) {
    return { items: (await this.tokens.list(user.id)).map(toToken) };
  }

  async create(user: AuthUser, dto: PersonalTokenInput): Promise<CreatedPersonalToken> {
    refusePersonalData({ name: dto.name });
    const token = PERSONAL_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = await this.tokens.create(user.id, dto.name, hashToken(token));
    if (!row) throw new ConflictException({ message: `You have ${MAX_TOKENS} tokens already: revoke one you no longer use`, fields: { name: `At most ${MAX_TOKENS} tokens` } });
    return { ...toToken(row), token };
  }

  async revoke(user: AuthUser, id: string) {
    if (!(await this.tokens.delete(user.id, id))) throw new NotFoundException('No such token');
  }
}

