import { MigrationInterface, QueryRunner } from 'typeorm';
import { TRIGRAM_THRESHOLD } from '@commons/domain';

/**
 * Tools, initiatives and threads matching `q` (apps/api/src/search/search.repository.ts adds messages):
 * their stored tsvector (english), or a word of the name or title like one searched for (pg_trgm's
 * `<%`, so "valdator" matches), or the search inside it (ILIKE `pattern`, so "903" finds SSDA903).
 * Ranked by full-text rank plus how like the search the name or title is. A function so that its plan
 * is made once per connection (force_generic_plan; the rest of the API plans each statement for its
 * values): estimating trigram and pattern matches afresh each time cost as much as the search itself.
 * `reads_la`: canReadTool's flag for local-authority-only tools (their threads included).
 */
// Parsed once per call (a plpgsql variable): in a generic plan the call itself would run for every row.
const TSQUERY = 'tsq';
const TOOL_TEXT = `tool_search_text(t.name, t.slug, t.datasets, t.technology)`;
const INITIATIVE_TEXT = `(i.title || ' ' || i.slug)`;
// Cheapest first: Postgres stops at the first that holds.
const matches = (vector: string, text: string) => `(${vector} @@ ${TSQUERY} OR ${text} ILIKE pattern OR q <% ${text})`;
const rank = (vector: string, name: string, text: string) => `ts_rank(${vector}, ${TSQUERY}) + word_similarity(q, ${name}) + 0.5 * word_similarity(q, ${text})`;
export const SEARCH_TITLES = `
  CREATE FUNCTION search_titles(q text, pattern text, reads_la boolean, lim integer)
    RETURNS TABLE (type text, id text, title text, body text, context text, thread_id bigint, message_id bigint, rank double precision)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET plan_cache_mode = force_generic_plan
    -- A generic plan cannot see that a table is small, and prices pg_trgm's operators far below what
    -- they cost per row: matches come from the indexes, and only candidates are checked.
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
            (ts_rank(th.search, ${TSQUERY}) + word_similarity(q, th.title))::double precision AS r
     FROM threads th
     LEFT JOIN tools st ON th.subject_type = 'tool' AND st.slug = th.subject_id
     LEFT JOIN initiatives si ON th.subject_type = 'initiative' AND si.slug = th.subject_id
     WHERE ${matches('th.search', 'th.title')} AND (th.subject_type <> 'tool' OR (st.access = 'public' OR reads_la))
     ORDER BY r DESC, th.last_message_at DESC LIMIT lim);
  END
  $fn$`;

/**
 * The one search box (apps/api/src/search): full-text (english, GIN) beside trigram indexes (pg_trgm,
 * GIN), so misspellings ("valdator") and parts of words ("903" of SSDA903) match names and titles.
 * Initiatives, threads and messages get a stored tsvector as tools have had (`search`): ranking reads
 * it instead of parsing every matching text again. The trigram text of tools and initiatives is their
 * short fields only: pg_trgm's cost grows with the text's length.
 */
export class Search1732000000015 implements MigrationInterface {
  name = 'Search1732000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      -- array_to_string is only STABLE (an element type's output may vary); for text[] it cannot, so
      -- this wrapper may be indexed.
      CREATE FUNCTION search_words(text[]) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT array_to_string($1, ' ') $$;
      CREATE FUNCTION tool_search_text(name text, slug text, datasets text[], technology text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT name || ' ' || slug || ' ' || COALESCE(search_words(datasets), '') || ' ' || COALESCE(search_words(technology), '') $$;
      CREATE INDEX tools_search_trgm ON tools USING gin (tool_search_text(name, slug, datasets, technology) gin_trgm_ops);

      ALTER TABLE initiatives ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', summary), 'B') ||
        setweight(to_tsvector('english', description), 'C')) STORED;
      CREATE INDEX initiatives_search ON initiatives USING gin (search);
      CREATE INDEX initiatives_search_trgm ON initiatives USING gin ((title || ' ' || slug) gin_trgm_ops);

      ALTER TABLE threads ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', title)) STORED;
      CREATE INDEX threads_search ON threads USING gin (search);
      CREATE INDEX threads_search_trgm ON threads USING gin (title gin_trgm_ops);

      ALTER TABLE messages ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;
      CREATE INDEX messages_search ON messages USING gin (search);
    `);
    await q.query(SEARCH_TITLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION search_titles(text, text, boolean, integer);
      ALTER TABLE messages DROP COLUMN search;
      ALTER TABLE threads DROP COLUMN search;
      DROP INDEX threads_search_trgm, initiatives_search_trgm, tools_search_trgm;
      ALTER TABLE initiatives DROP COLUMN search;
      DROP FUNCTION tool_search_text(text, text, text[], text[]), search_words(text[]);
    `);
  }
}
