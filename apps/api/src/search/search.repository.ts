import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { likePattern } from '@commons/domain';
import { prepared, query } from '../database/prepared';
import { toolReadableSql } from '../tools/tool-access';

export interface SearchRow {
  type: 'tool' | 'initiative' | 'thread' | 'message' | 'guide' | 'idea';
  id: string;
  title: string;
  body: string | null;
  context: string | null;
  thread_id: string | null;
  message_id: string | null;
  rank: number;
  held: boolean;
}

export interface SearchViewer {
  /** may read local-authority-only tools (readsLocalAuthorityTools) */
  readsLocalAuthorityTools: boolean;
  id: string | null;
  moderator: boolean;
}

/**
 * The thread page's rule (MessageRepository.page), without deleted (rejected) ones, which have no text:
 * visible to all; held (awaiting a check, reported, hidden) only to its author ($4) and moderators ($5).
 */
const MESSAGE_READABLE = `(m.state = 'visible' OR (m.state = 'held' AND (m.author_id = $4::uuid OR $5::boolean)))`;
/**
 * Messages in threads of a local-authority-only tool are for those who may read the tool (tool-access.ts):
 * the threads the reader may not read, listed once per search (none for those who may).
 */
const UNREADABLE_THREADS = `ARRAY(SELECT th.id FROM threads th JOIN tools st ON st.slug = th.subject_id
  WHERE th.subject_type = 'tool' AND NOT ${toolReadableSql('st', '$3')})`;
/**
 * Messages are ranked among the newest this many matches: a common word costs no more than this, and
 * recent talk is what people look for. They match by their words (stored tsvector, english) only:
 * pg_trgm's cost grows with the text's length, and bodies are long.
 */
const MESSAGE_CANDIDATES = 100;

/**
 * Tools, initiatives and threads from search_titles (migration 1732000000015-search: its plan is made
 * once per connection), messages here, where the plan follows how common the words are: the newest
 * matches by the primary key for a common word, the full-text index for a rare one. `$1` the search,
 * `$2` its ILIKE pattern, `$6` how many.
 */
const SEARCH = `
  SELECT type, id, title, body, context, thread_id, message_id, rank, held FROM (
    SELECT type, id, title, body, context, thread_id, message_id, rank, false AS held FROM search_titles($1, $2, $3, $6)
    UNION ALL
    (SELECT 'message', x.id::text, (SELECT th.title FROM threads th WHERE th.id = x.thread_id), x.body,
            (SELECT u.display_name FROM users u WHERE u.id = x.author_id), x.thread_id, x.id, x.rank, x.held
     FROM (SELECT c.id, c.thread_id, c.author_id, c.body, c.state = 'held' AS held, 0.8 * ts_rank(c.search, websearch_to_tsquery('english', $1)) AS rank
           FROM (SELECT m.id, m.thread_id, m.author_id, m.body, m.state, m.search FROM messages m
                 WHERE m.search @@ websearch_to_tsquery('english', $1) AND ${MESSAGE_READABLE} AND m.thread_id <> ALL (${UNREADABLE_THREADS})
                 ORDER BY m.id DESC LIMIT ${MESSAGE_CANDIDATES}) c
           ORDER BY rank DESC, c.id DESC LIMIT $6) x)
  ) found ORDER BY rank DESC, type, id LIMIT $6`;

@Injectable()
export class SearchRepository {
  constructor(private readonly db: DataSource) {}

  /** One prepared statement over the four kinds, with the reader's visibility. */
  search(q: string, viewer: SearchViewer, limit: number): Promise<SearchRow[]> {
    return query<SearchRow>(this.db.manager, prepared(SEARCH), [q, likePattern(q), viewer.readsLocalAuthorityTools, viewer.id, viewer.moderator, limit]);
  }
}
