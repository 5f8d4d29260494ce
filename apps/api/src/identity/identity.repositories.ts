import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { GlobalRole, OrganisationQuery } from '@commons/domain';
import { prepared } from '../database/prepared';
import { OrganisationEntity, SessionEntity, UserEntity } from './identity.entities';

interface LiveSessionRow {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  email: string;
  password_hash: string;
  display_name: string;
  organisation_id: number | null;
  roles: GlobalRole[];
  user_created_at: Date;
  user_updated_at: Date;
}

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  getById(id: string) {
    return this.users.findOneBy({ id });
  }

  getByEmail(email: string) {
    return this.users.findOneBy({ email });
  }

  /** Inserts unless the email is taken; returns null when it was. */
  async createUnlessTaken(user: Pick<UserEntity, 'email' | 'passwordHash' | 'displayName' | 'organisationId' | 'roles'>) {
    const result = await this.users.createQueryBuilder().insert().values(user).orIgnore().returning('id').execute();
    const id: string | undefined = result.raw[0]?.id;
    return id ? this.getById(id) : null;
  }

  search(q: string | undefined, limit: number, offset: number) {
    const query = this.users.createQueryBuilder('u').orderBy('u.created_at', 'ASC').addOrderBy('u.id').take(limit).skip(offset);
    if (q) query.where('u.email ILIKE :q OR u.display_name ILIKE :q', { q: `%${escapeLike(q)}%` });
    return query.getManyAndCount();
  }

  async setRoles(id: string, roles: GlobalRole[], manager: EntityManager = this.users.manager) {
    await manager.update(UserEntity, { id }, { roles });
  }

  /** An organisation's id by DfE LA code or exact name (demo data refers to them that way). */
  async organisationIdFor(codeOrName: string): Promise<number | null> {
    const row = await this.users.manager.findOne(OrganisationEntity, { where: [{ laCode: codeOrName }, { name: codeOrName }] });
    return row?.id ?? null;
  }
}

@Injectable()
export class SessionRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  async create(session: Pick<SessionEntity, 'userId' | 'tokenHash' | 'expiresAt'>) {
    await this.sessions.insert(session);
  }

  /**
   * The live sessions for these token hashes, with their users; unknown, revoked or expired ones left out.
   * Every signed-in request asks: one prepared statement, not a query built and parsed each time.
   */
  async live(tokenHashes: string[]): Promise<(SessionEntity & { user: UserEntity })[]> {
    const rows: LiveSessionRow[] = await this.sessions.query(
      prepared(`SELECT s.id, s.user_id, s.token_hash, s.created_at, s.expires_at,
                       u.email, u.password_hash, u.display_name, u.organisation_id, u.roles, u.created_at AS user_created_at, u.updated_at AS user_updated_at
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE s.token_hash = ANY($1) AND s.revoked_at IS NULL AND s.expires_at > now()`),
      [tokenHashes],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      tokenHash: r.token_hash,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: null,
      user: {
        id: r.user_id,
        email: r.email,
        passwordHash: r.password_hash,
        displayName: r.display_name,
        organisationId: r.organisation_id,
        roles: r.roles,
        createdAt: r.user_created_at,
        updatedAt: r.user_updated_at,
      },
    }));
  }

  async revoke(id: string) {
    await this.sessions.update({ id }, { revokedAt: () => 'now()' });
  }
}

@Injectable()
export class OrganisationRepository {
  constructor(@InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>) {}

  list(query: OrganisationQuery) {
    return this.organisations.find({
      where: { ...(query.kind && { kind: query.kind }), ...(query.region && { region: query.region }) },
      order: { kind: 'ASC', name: 'ASC' },
    });
  }

  exists(id: number) {
    return this.organisations.existsBy({ id });
  }
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
