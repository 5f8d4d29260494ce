import { MigrationInterface, QueryRunner } from 'typeorm';
import domains from '../seed/la-domains.json';

/**
 * Each local authority's usual email domain (camden.gov.uk), by DfE LA code, so its staff who confirm
 * their council address are verified members from the start. None has been checked against a published
 * source here, so all are unconfirmed (docs/identity.md, "Organisations and their email domains"); admins confirm,
 * correct or add domains on the Organisations admin screen. A domain an admin added first is left alone.
 */
export class AuthorityDomains1732000000012 implements MigrationInterface {
  name = 'AuthorityDomains1732000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO organisation_domains (domain, organisation_id, confirmed)
       SELECT d.domain, o.id, false FROM unnest($1::text[], $2::text[]) AS d(code, domain) JOIN organisations o ON o.la_code = d.code AND o.kind = 'local_authority'
       ON CONFLICT (domain) DO NOTHING`,
      [domains.map((d) => d.code), domains.map((d) => d.domain)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM organisation_domains WHERE domain = ANY($1::text[]) AND NOT confirmed`, [domains.map((d) => d.domain)]);
  }
}
