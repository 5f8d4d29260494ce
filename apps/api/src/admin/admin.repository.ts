import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DELETED_PASSWORD_HASH, type AdminOrganisation, type AdminUser, type GlobalRole, type OrganisationDomain } from '@commons/domain';

interface AdminUserRow {
  id: string;
  email: string;
  display_name: string;
  organisation_id: number | null;
  organisation_name: string | null;
  roles: GlobalRole[];
  created_at: Date;
  email_verified: boolean;
  organisation_verified: boolean;
  disabled_at: Date | null;
}

interface DomainRow {
  domain: string;
  organisation_id: number;
  confirmed: boolean;
  created_at: Date;
}

const toAdminUser = (r: AdminUserRow): AdminUser => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  roles: r.roles,
  createdAt: r.created_at.toISOString(),
  emailVerified: r.email_verified,
  organisationVerified: r.organisation_verified,
  disabledAt: r.disabled_at?.toISOString() ?? null,
});

export const toDomain = (r: DomainRow): OrganisationDomain => ({ domain: r.domain, organisationId: r.organisation_id, confirmed: r.confirmed, createdAt: r.created_at.toISOString() });

/** People as admins see them (deleted accounts left out); verified membership read from verified_memberships. */
const SELECT_PEOPLE = `
  SELECT u.id, u.email, u.display_name, u.organisation_id, o.name AS organisation_name, u.roles, u.created_at,
         u.email_verified_at IS NOT NULL AS email_verified, m.organisation_id IS NOT NULL AS organisation_verified, u.disabled_at
  FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id LEFT JOIN verified_memberships m ON m.user_id = u.id
  WHERE u.password_hash <> '${DELETED_PASSWORD_HASH}'`;

const PEOPLE_MATCHING = `($1::text IS NULL OR u.email ILIKE $1 OR u.display_name ILIKE $1 OR o.name ILIKE $1)`;
const SEARCH_PEOPLE = `${SELECT_PEOPLE} AND ${PEOPLE_MATCHING} ORDER BY u.created_at, u.id LIMIT $2 OFFSET $3`;
const COUNT_PEOPLE = `SELECT count(*)::int AS n FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
  WHERE u.password_hash <> '${DELETED_PASSWORD_HASH}' AND ${PEOPLE_MATCHING}`;
const ONE_PERSON = `${SELECT_PEOPLE} AND u.id = $1`;

const SELECT_ORGANISATIONS = `
  SELECT o.id, o.kind, o.name, o.la_code AS "laCode", o.ons_code AS "onsCode", o.region,
         COALESCE((SELECT json_agg(json_build_object('domain', d.domain, 'organisationId', d.organisation_id, 'confirmed', d.confirmed, 'createdAt', d.created_at) ORDER BY d.domain)
                   FROM organisation_domains d WHERE d.organisation_id = o.id), '[]'::json) AS domains,
         (SELECT count(*)::int FROM users u WHERE u.organisation_id = o.id AND u.password_hash <> '${DELETED_PASSWORD_HASH}') AS members,
         (SELECT count(*)::int FROM verified_memberships m WHERE m.organisation_id = o.id) AS "verifiedMembers"
  FROM organisations o
  WHERE ($1::text IS NULL OR o.name ILIKE $1 OR o.la_code = $2 OR EXISTS (SELECT 1 FROM organisation_domains d WHERE d.organisation_id = o.id AND d.domain ILIKE $1))
  ORDER BY o.kind, o.name`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The admin screens' reads and writes: people, disabling, organisations and their email domains. */
@Injectable()
export class AdminRepository {
  constructor(private readonly db: DataSource) {}

  async people(q: string | undefined, limit: number, offset: number): Promise<{ items: AdminUser[]; total: number }> {
    const pattern = q ? `%${escapeLike(q)}%` : null;
    const [rows, [{ n }]] = await Promise.all([this.db.query(SEARCH_PEOPLE, [pattern, limit, offset]), this.db.query(COUNT_PEOPLE, [pattern])]);
    return { items: (rows as AdminUserRow[]).map(toAdminUser), total: n };
  }

  async person(id: string, manager: EntityManager = this.db.manager): Promise<AdminUser | null> {
    const rows: AdminUserRow[] = await manager.query(ONE_PERSON, [id]);
    return rows[0] ? toAdminUser(rows[0]) : null;
  }

  /** Disables (and ends every sign-in of) the account, or enables it; false when it already was so. */
  async setDisabled(manager: EntityManager, id: string, disabled: boolean): Promise<boolean> {
    // An UPDATE answers [rows, count].
    const [changed] = await manager.query(
      disabled ? `UPDATE users SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL RETURNING id` : `UPDATE users SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL RETURNING id`,
      [id],
    );
    if (disabled) await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    return changed.length > 0;
  }

  async organisations(q: string | undefined): Promise<AdminOrganisation[]> {
    const rows: (AdminOrganisation & { domains: (OrganisationDomain & { createdAt: string })[] })[] = await this.db.query(SELECT_ORGANISATIONS, [q ? `%${escapeLike(q)}%` : null, q ?? null]);
    return rows.map((o) => ({ ...o, domains: o.domains.map((d) => ({ ...d, createdAt: new Date(d.createdAt).toISOString() })) }));
  }

  organisation(id: number): Promise<{ id: number; name: string } | undefined> {
    return this.db.query(`SELECT id, name FROM organisations WHERE id = $1`, [id]).then((r: { id: number; name: string }[]) => r[0]);
  }

  async domains(organisationId: number): Promise<OrganisationDomain[]> {
    const rows: DomainRow[] = await this.db.query(`SELECT * FROM organisation_domains WHERE organisation_id = $1 ORDER BY domain`, [organisationId]);
    return rows.map(toDomain);
  }

  /** The domain's row, whichever organisation it belongs to. */
  async domain(domain: string, manager: EntityManager = this.db.manager): Promise<(DomainRow & { organisation_name: string }) | null> {
    const rows = await manager.query(`SELECT d.*, o.name AS organisation_name FROM organisation_domains d JOIN organisations o ON o.id = d.organisation_id WHERE d.domain = $1`, [domain]);
    return rows[0] ?? null;
  }

  /** Null when the domain belongs to an organisation already. */
  async addDomain(manager: EntityManager, organisationId: number, domain: string, confirmed: boolean): Promise<OrganisationDomain | null> {
    const rows: DomainRow[] = await manager.query(
      `INSERT INTO organisation_domains (domain, organisation_id, confirmed) VALUES ($1, $2, $3) ON CONFLICT (domain) DO NOTHING RETURNING *`,
      [domain, organisationId, confirmed],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async setConfirmed(manager: EntityManager, organisationId: number, domain: string, confirmed: boolean): Promise<OrganisationDomain | null> {
    const [rows]: [DomainRow[], number] = await manager.query(
      `UPDATE organisation_domains SET confirmed = $3 WHERE domain = $1 AND organisation_id = $2 RETURNING *`,
      [domain, organisationId, confirmed],
    );
    return rows[0] ? toDomain(rows[0]) : null;
  }

  async removeDomain(manager: EntityManager, organisationId: number, domain: string): Promise<boolean> {
    const [rows] = await manager.query(`DELETE FROM organisation_domains WHERE domain = $1 AND organisation_id = $2 RETURNING domain`, [domain, organisationId]);
    return rows.length > 0;
  }
}
