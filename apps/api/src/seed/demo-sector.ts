import type { EntityManager } from 'typeorm';
import sector from './demo-sector.json';

type Tool = { description: string; releases: [version: string, monthsAgo: number, notes: string][]; history: [stage: string, monthsAgo: number][] };
const TOOLS = sector.tools as unknown as Record<string, Tool>;
type Idea = [kind: 'need' | 'idea', title: string, body: string, status: string, backers: string[], link: string | null];
const IDEAS = sector.ideas as unknown as Idea[];

/** How widely each tool is used across authorities (share of the 153), for a catalogue that looks like the sector's. */
const REACH: Record<string, number> = { '903-validator': 0.45, 'cin-census-validator': 0.35, 'csc-validator-web': 0.3, patch: 0.14, liiatools: 0.12, 'demand-model': 0.1 };

/** A stable number in [0, 1) from text (FNV-1a, then murmur3's finaliser to spread it): the same demo every time. */
function unit(text: string): number {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

const ago = (months: number) => new Date(Date.now() - months * 30.4 * 86_400_000);

/**
 * The sector's side of the demo: tool descriptions, releases and stage histories, adoption spread across
 * the authorities with the versions they run, needs with authorities behind them, a guide, a "you said,
 * we did" link, and a burn-up with history. Written as rows (the stories happened before the demo
 * started), in the caller's transaction; skipped if already there.
 */
export async function seedSector(m: EntityManager, people: { leader: string; member: string; maintainer: string; moderator: string }): Promise<boolean> {
  if ((await m.query(`SELECT 1 FROM ideas WHERE title = $1`, [IDEAS[0][1]])).length) return false;
  const tools: { id: number; slug: string; stage: string; summary: string; datasets: string[]; technology: string[]; repository: string | null }[] = await m.query(
    `SELECT id, slug, stage, summary, datasets, technology, repository FROM tools WHERE created_by IS NULL ORDER BY id`,
  );
  for (const t of tools) {
    const data = TOOLS[t.slug];
    const source = t.repository ? `\n\nSource code: https://github.com/${t.repository}` : '';
    const description = data?.description ?? `${t.summary}\n\nWorks with ${t.datasets.join(', ')}. Built with ${t.technology.join(', ')}.${source}`;
    await m.query(`UPDATE tools SET description = $2 WHERE id = $1 AND description = ''`, [t.id, data ? `${description}${source}` : description]);
    if (!data) continue;
    await m.query(`DELETE FROM tool_stage_history WHERE tool_id = $1`, [t.id]);
    let from: string | null = null;
    for (const [stage, months] of data.history) {
      await m.query(`INSERT INTO tool_stage_history (tool_id, from_stage, to_stage, moved_at) VALUES ($1, $2, $3, $4)`, [t.id, from, stage, ago(months)]);
      from = stage;
    }
    for (const [version, months, notes] of data.releases) {
      await m.query(`INSERT INTO tool_releases (tool_id, version, notes, released_on, created_at) VALUES ($1, $2, $3, $4::date, $4) ON CONFLICT DO NOTHING`, [t.id, version, notes, ago(months)]);
    }
  }

  // Adoption: each authority's answer for each tool, stable from the pair's hash; demo members' own records stay.
  const authorities: { id: number; la_code: string }[] = await m.query(`SELECT id, la_code FROM organisations WHERE kind = 'local_authority' ORDER BY id`);
  const rows: [number, number, string, string | null][] = [];
  for (const t of tools) {
    const releases = (TOOLS[t.slug]?.releases ?? []).map(([v]) => v).reverse();
    const reach = REACH[t.slug] ?? 0.03 + unit(t.slug) * 0.08;
    for (const a of authorities) {
      const roll = unit(`${t.slug}:${a.la_code}`);
      if (roll >= reach * 1.4) continue;
      const status = t.stage === 'retired' ? 'stopped' : roll < reach ? 'uses' : roll < reach * 1.2 ? 'pilots' : 'interested';
      // Most run the latest release, some the one before, a few an older one.
      const pick = unit(`${a.la_code}:${t.slug}:version`);
      const version = status === 'interested' || !releases.length ? null : releases[Math.min(releases.length - 1, pick < 0.6 ? 0 : pick < 0.9 ? 1 : 2)];
      rows.push([t.id, a.id, status, version]);
    }
  }
  await m.query(
    `INSERT INTO tool_adoptions (tool_id, organisation_id, status, version, updated_at)
     SELECT r.tool_id, r.organisation_id, r.status, r.version, now() - (random() * interval '300 days')
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[]) AS r(tool_id, organisation_id, status, version)
     ON CONFLICT DO NOTHING`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
  );

  // Needs and ideas, each authority backing once, on the dates the backing came in.
  const authors = [people.leader, people.member, people.maintainer];
  const ideaIds: number[] = [];
  for (const [i, [kind, title, body, status, backers, link]] of IDEAS.entries()) {
    const [type, id] = link?.split(':') ?? [null, null];
    const [{ id: ideaId }] = await m.query(
      `INSERT INTO ideas (kind, title, body, status, author_id, link_type, link_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [kind, title, body, status, authors[i % authors.length], type, id, ago(8 - i)],
    );
    ideaIds.push(ideaId);
    await m.query(
      `INSERT INTO idea_backings (idea_id, organisation_id, created_at)
       SELECT $1, o.id, $3::timestamptz + (n * interval '9 days') FROM unnest($2::text[]) WITH ORDINALITY AS b(code, n) JOIN organisations o ON o.la_code = b.code
       ON CONFLICT DO NOTHING`,
      [ideaId, backers, ago(8 - i)],
    );
  }

  // The reader who asked for a regional view, answered by the need that is now in design.
  const [asked] = await m.query(`SELECT id FROM feedback WHERE idempotency_key = 'demo-feedback-3'`);
  if (asked) await m.query(`INSERT INTO answers (source_type, source_id, target_type, target_id, linked_by) VALUES ('feedback', $1, 'idea', $2, $3) ON CONFLICT DO NOTHING`, [asked.id, ideaIds[0], people.moderator]);

  // The rollout's milestones were done weeks apart, not all at once when the demo began: a burn-up worth reading.
  await m.query(
    `UPDATE initiative_milestones SET done_at = due_date - interval '4 days', created_at = due_date - interval '90 days'
     WHERE done_at IS NOT NULL AND due_date IS NOT NULL AND initiative_id = (SELECT id FROM initiatives WHERE slug = 'ssd-rollout-2026')`,
  );

  // A guide made from the answered question about rule 103.
  const [thread] = await m.query(`SELECT id FROM threads WHERE title LIKE 'Rule 103%'`);
  const [guide] = await m.query(
    `INSERT INTO guides (slug, title, summary, body, owner_id, source_thread_id, last_reviewed_on) VALUES ($1, $2, $3, $4, $5, $6, current_date - 40)
     ON CONFLICT (slug) DO NOTHING RETURNING id`,
    [
      'rule-103-placement-end-reasons',
      'Rule 103 and the new placement end reasons',
      'Why rule 103 fires on many episodes after the 2024/25 update, and how to fix the records.',
      '## Why it fires\nThe 2024/25 guidance added placement end reasons, and rule 103 checks that an episode ending a placement gives one of them.\n\n## What to do\n1. Run the validator on the whole year.\n2. Filter the errors by rule 103.\n3. Ask your system supplier for the new reason codes, then correct the episodes that closed since April.\n\nMost authorities clear the errors in a day once the codes are in place.',
      people.maintainer,
      thread?.id ?? null,
    ],
  );
  if (guide) {
    await m.query(`INSERT INTO guide_revisions (guide_id, revision, title, body, author_id) SELECT id, 1, title, body, owner_id FROM guides WHERE id = $1`, [guide.id]);
    await m.query(`INSERT INTO guide_links (guide_id, subject_type, subject_id) VALUES ($1, 'tool', '903-validator'), ($1, 'initiative', $2)`, [guide.id, `validator-rules-${new Date().getUTCFullYear()}`]);
  }
  return true;
}
