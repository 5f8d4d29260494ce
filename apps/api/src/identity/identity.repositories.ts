import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { GlobalRole, OrganisationQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { OrganisationEntity, UserEntity } from './identity.entities';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  getById(id: string) {
    return this.users.findOneBy({ id });
  }

  getByEmail(email: string) {
    return this.users.findOneBy({ email });
  }

  /** The account as services see it, verified membership included; null if unknown. */
  async getAuthUser(id: string): Promise<AuthUser | null> {
    const user = await this.getById(id);
    return user && toAuthUser(user, await this.membership(id));
  }

  /** The organisation this account is a verified member of (see verified_memberships), or null. */
  async membership(id: string): Promise<Membership | null> {
    return (await this.memberships([id])).get(id) ?? null;
  }

  /** Verified memberships of many accounts in one query, by account id (a page of people). */
  async memberships(ids: string[]): Promise<Map<string, Membership>> {
    const rows: (Membership & { user_id: string })[] = await this.users.manager.query(
      `SELECT m.user_id, m.organisation_id, o.kind = 'local_authority' AS local_authority
       FROM verified_memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.user_id, r]));
  }

  /** For checking a password: the one place the hash is read. */
  async passwordHash(id: string): Promise<string | null> {
    const user = await this.users.findOne({ select: { id: true, passwordHash: true }, where: { id } });
    return user?.passwordHash ?? null;
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

/** The account without its password hash, as services pass it on, with its verified membership. */
export function toAuthUser(u: UserEntity, membership: Membership | null): AuthUser {
  return {
    id: u.id, email: u.email, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles, createdAt: u.createdAt,
    emailVerified: u.emailVerifiedAt !== null,
    verifiedOrganisationId: membership?.organisation_id ?? null,
    localAuthorityStaff: membership?.local_authority ?? false,
  };
}

interface Membership {
  organisation_id: number;
  local_authority: boolean;
}
