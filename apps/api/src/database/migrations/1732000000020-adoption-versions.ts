import { MigrationInterface, QueryRunner } from 'typeorm';

/** The version of a tool each authority runs, as its verified members record it with the adoption. */
export class AdoptionVersions1732000000020 implements MigrationInterface {
  name = 'AdoptionVersions1732000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tool_adoptions ADD COLUMN version text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tool_adoptions DROP COLUMN version`);
  }
}
