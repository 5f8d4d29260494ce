import { MigrationInterface, QueryRunner } from 'typeorm';
import { TRIGRAM_THRESHOLD } from '@commons/domain';
import { SEARCH_TITLES } from './1732000000015-search';

/**
 * Guides and needs are found by the one search box too: a stored tsvector each (title, summary or
 * body) and a trigram index on their titles, and search_titles (1732000000015) returns them beside
 * tools, initiatives and threads, matched and ranked the same way.
 */
const TOOL_TEXT = `tool_search_text(t.name, t.slug, t.datasets, t.technology)`;
const INITIATIVE_TEXT = `(i.title || ' ' || i.slug)`;
const matches = (vector: string, text: string) => `(${vector} @@ tsq OR ${text} ILIKE pattern OR q <% ${text})`;
const rank = (vector: string, name: string, text: string) => `ts_rank(${vector}, tsq) + word_similarity(q, ${name}) + 0.5 * word_similarity(q, ${text})`;
const SEARCH_TITLES_WITH_GUIDES = `
  CREATE FUNCTION search_titles(q text, pattern text, reads_la boolean, lim integer)
    RETURNS TABLE (type text, id text, title text, body text, context text, thread_id bigint, message_id bigint, rank double precision)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET plan_cache_mode = force_generic_plan
    SET enable_seqscan = off
    SET pg_trgm.word_similarity_threshold = ${TRIGRAM_THRESHOLD}
  AS $fn$
  #variable_conflict use_column
  DECLARE
    tsq tsquery := websearch_to_tsquery('english', q);
  BEGIN
    RETURN QUERY
    (SELECT 'tool'::text, t.slug, t.name, t.summary, NULL::text, NULL::bigint, NULL::bigint, (${rank('t.search', 't.name', TOOL_TEXT)})::double precision AS r
     FROM tools t
     WHERE ${matches('t.search', TOOL_TEXT)} AND (t.access = 'public' OR reads_la)
     ORDER BY r DESC, t.name LIMIT lim)
    UNION ALL
    (SELECT 'initiative', i.slug, i.title, i.summary, NULL, NULL, NULL, (${rank('i.search', 'i.title', INITIATIVE_TEXT)})::double precision AS r
     FROM initiatives i
     WHERE ${matches('i.search', INITIATIVE_TEXT)}
     ORDER BY r DESC, i.title LIMIT lim)
    UNION ALL
    (SELECT 'thread', th.id::text, th.title, NULL, COALESCE(st.name, si.title), th.id, NULL,
            (ts_rank(th.search, tsq) + word_similarity(q, th.title))::double precision AS r
     FROM threads th
     LEFT JOIN tools st ON th.subject_type = 'tool' AND st.slug = th.subject_id
     LEFT JOIN initiatives si ON th.subject_type = 'initiative' AND si.slug = th.subject_id
     WHERE ${matches('th.search', 'th.title')} AND (th.subject_type <> 'tool' OR (st.access = 'public' OR reads_la))
     ORDER BY r DESC, th.last_message_at DESC LIMIT lim)
    UNION ALL
    (SELECT 'guide', g.slug, g.title, g.summary, NULL, NULL, NULL, (ts_rank(g.search, tsq) + word_similarity(q, g.title))::double precision AS r
     FROM guides g
     WHERE ${matches('g.search', 'g.title')}
     ORDER BY r DESC, g.title LIMIT lim)
    UNION ALL
    (SELECT 'idea', d.id::text, d.title, left(d.body, 300), NULL, NULL, NULL, (ts_rank(d.search, tsq) + word_similarity(q, d.title))::double precision AS r
     FROM ideas d
     WHERE ${matches('d.search', 'd.title')}
     ORDER BY r DESC, d.created_at DESC LIMIT lim);
  END
  $fn$`;

export class SearchGuidesIdeas1732000000021 implements MigrationInterface {
  name = 'SearchGuidesIdeas1732000000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE guides ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', body), 'C')) STORED;
      CREATE INDEX guides_search ON guides USING gin (search);
      CREATE INDEX guides_search_trgm ON guides USING gin (title gin_trgm_ops);
      ALTER TABLE ideas ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED;
      CREATE INDEX ideas_search ON ideas USING gin (search);
      CREATE INDEX ideas_search_trgm ON ideas USING gin (title gin_trgm_ops);
      DROP FUNCTION search_titles(text, text, boolean, integer);
    `);
    await q.query(SEARCH_TITLES_WITH_GUIDES);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION search_titles(text, text, boolean, integer);
      DROP INDEX ideas_search_trgm, ideas_search, guides_search_trgm, guides_search;
      ALTER TABLE ideas DROP COLUMN search;
      ALTER TABLE guides DROP COLUMN search;
    `);
    await q.query(SEARCH_TITLES);
  }
}
