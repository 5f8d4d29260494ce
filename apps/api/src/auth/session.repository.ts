import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { GlobalRole } from '@commons/domain';
import { prepared, query } from '../database/prepared';
import type { AuthSession, AuthUser } from './auth-user';
import { SessionEntity } from './session.entity';

/** The person's columns every signed-in request needs, verified membership included (verified_memberships). */
const USER_COLUMNS = `u.email, u.display_name, u.organisation_id, u.roles, u.created_at AS user_created_at,
                      u.email_verified_at IS NOT NULL AS email_verified,
                      m.organisation_id AS verified_organisation_id,
                      coalesce(o.kind = 'local_authority', false) AS local_authority_staff`;
const USER_JOINS = `JOIN users u ON u.id = s.user_id
                    LEFT JOIN verified_memberships m ON m.user_id = u.id
                    LEFT JOIN organisations o ON o.id = m.organisation_id`;

interface UserRow {
  user_id: string;
  email: string;
  display_name: string;
  organisation_id: number | null;
  roles: GlobalRole[];
  user_created_at: Date;
  email_verified: boolean;
  verified_organisation_id: number | null;
  local_authority_staff: boolean;
}

interface LiveSessionRow extends UserRow {
  id: string;
  token_hash: string;
  expires_at: Date;
  slide: boolean;
}

// Every signed-in request asks: one prepared statement, not a query built and parsed each time. `slide`:
// the session was last extended over an hour ago (or a tenth of its life, when that is shorter).
const LIVE = prepared(`SELECT s.id, s.user_id, s.token_hash, s.expires_at, ${USER_COLUMNS},
                              s.expires_at < now() + make_interval(hours => $2::int) - least(interval '1 hour', make_interval(hours => $2::int) / 10) AS slide
                       FROM sessions s ${USER_JOINS}
                       WHERE s.token_hash = ANY($1) AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`);

/** Extends a session in use: SESSION_TTL_HOURS from now, never past SESSION_MAX_DAYS after sign-in. */
const SLIDE = prepared(`UPDATE sessions SET expires_at = greatest(expires_at, least(now() + make_interval(hours => $2::int), created_at + make_interval(days => $3::int))), last_seen_at = now()
                        WHERE id = $1 AND revoked_at IS NULL RETURNING expires_at`);

const TOKEN = prepared(`SELECT s.id, s.user_id, ${USER_COLUMNS}, s.last_used_at IS NULL OR s.last_used_at < now() - interval '1 minute' AS touch
                        FROM personal_tokens s ${USER_JOINS}
                        WHERE s.token_hash = $1 AND u.disabled_at IS NULL`);

function toUser(r: UserRow): AuthUser {
  return {
    id: r.user_id, email: r.email, displayName: r.display_name, organisationId: r.organisation_id, roles: r.roles, createdAt: r.user_created_at,
    emailVerified: r.email_verified, verifiedOrganisationId: r.verified_organisation_id, localAuthorityStaff: r.local_authority_staff,
  };
}

@Injectable()
export class SessionRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  async create(session: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt'> & { userAgent?: string | null }) {
    await this.sessions.insert(session);
  }

  /**
   * The live sessions for these token hashes, with their users, by token hash; unknown, revoked or
   * expired ones left out. `slide` is set on those due to be extended (see `slide`).
   */
  async live(tokenHashes: string[], ttlHours = 0): Promise<Map<string, AuthSession & { slide: boolean }>> {
    const rows = await query<LiveSessionRow>(this.sessions.manager, LIVE, [tokenHashes, ttlHours]);
    return new Map(rows.map((r) => [r.token_hash, { session: { id: r.id, expiresAt: r.expires_at }, user: toUser(r), slide: ttlHours > 0 && r.slide }]));
  }

  /** Extends a session in use; its new expiry, or null if it was revoked meanwhile. */
  async slide(id: string, ttlHours: number, maxDays: number): Promise<Date | null> {
    const rows = await query<{ expires_at: Date }>(this.sessions.manager, SLIDE, [id, ttlHours, maxDays]);
    return rows[0]?.expires_at ?? null;
  }

  /** The person a personal access token stands for (read-only), or null; marks it used (at most once a minute). */
  async personalToken(tokenHash: string): Promise<AuthSession | null> {
    const [row] = await query<UserRow & { id: string; touch: boolean }>(this.sessions.manager, TOKEN, [tokenHash]);
    if (!row) return null;
    if (row.touch) await this.sessions.manager.query(`UPDATE personal_tokens SET last_used_at = now() WHERE id = $1`, [row.id]);
    return { user: toUser(row), session: { id: row.id, expiresAt: new Date(8.64e15) }, readOnly: true };
  }

  async revoke(id: string, manager: EntityManager = this.sessions.manager) {
    await manager.update(SessionEntity, { id }, { revokedAt: () => 'now()' });
  }
}
