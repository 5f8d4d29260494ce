import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { GlobalRole } from '@commons/domain';
import { prepared, query } from '../database/prepared';
import type { AuthSession } from './auth-user';
import { SessionEntity } from './session.entity';

interface LiveSessionRow {
  id: string;
  user_id: string;
  token_hash: string;
  expires_at: Date;
  email: string;
  display_name: string;
  organisation_id: number | null;
  roles: GlobalRole[];
  user_created_at: Date;
  email_verified: boolean;
  verified_organisation_id: number | null;
  local_authority_staff: boolean;
}

// Every signed-in request asks: one prepared statement, not a query built and parsed each time.
const LIVE = prepared(`SELECT s.id, s.user_id, s.token_hash, s.expires_at,
                              u.email, u.display_name, u.organisation_id, u.roles, u.created_at AS user_created_at,
                              u.email_verified_at IS NOT NULL AS email_verified,
                              m.organisation_id AS verified_organisation_id,
                              coalesce(o.kind = 'local_authority', false) AS local_authority_staff
                       FROM sessions s JOIN users u ON u.id = s.user_id
                       LEFT JOIN verified_memberships m ON m.user_id = u.id
                       LEFT JOIN organisations o ON o.id = m.organisation_id
                       WHERE s.token_hash = ANY($1) AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`);

@Injectable()
export class SessionRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  async create(session: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt'>) {
    await this.sessions.insert(session);
  }

  /** The live sessions for these token hashes, with their users, by token hash; unknown, revoked or expired ones left out. */
  async live(tokenHashes: string[]): Promise<Map<string, AuthSession>> {
    const rows = await query<LiveSessionRow>(this.sessions.manager, LIVE, [tokenHashes]);
    return new Map(
      rows.map((r) => [
        r.token_hash,
        {
          session: { id: r.id, expiresAt: r.expires_at },
          user: { id: r.user_id, email: r.email, displayName: r.display_name, organisationId: r.organisation_id, roles: r.roles, createdAt: r.user_created_at,
                  emailVerified: r.email_verified, verifiedOrganisationId: r.verified_organisation_id, localAuthorityStaff: r.local_authority_staff },
        },
      ]),
    );
  }

  async revoke(id: string, manager: EntityManager = this.sessions.manager) {
    await manager.update(SessionEntity, { id }, { revokedAt: () => 'now()' });
  }
}
