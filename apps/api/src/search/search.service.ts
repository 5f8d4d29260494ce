import { Injectable } from '@nestjs/common';
import { highlighted, searchTerms, snippet, type SearchItem, type SearchQuery, type SearchResults } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { isModerator } from '../discussions/messages.service';
import { readsLocalAuthorityTools } from '../tools/tool-access';
import { SearchRepository, type SearchRow } from './search.repository';
import { ChangeCounter } from '../realtime/change-counter';
import { LRUCache } from 'lru-cache';

/**
 * Answers kept per instance, keyed on the change counter (ChangeCounter: every published change and
 * every guide or need bumps it) and on what decides visibility (local-authority tools, moderator, and
 * the reader, whose own held messages only they see). A change makes every kept answer unreachable; the
 * time limit only bounds memory. A search reads the counter before Postgres, so an answer read before a
 * change commits is kept under the old count and never served after it.
 */
/** The one search box: what the reader may see, ranked, with where the search matched. */
@Injectable()
export class SearchService {
  // Per instance (never module-wide: two apps in one process, as tests run them, count changes apart).
  private readonly answers = new LRUCache<string, SearchResults>({ max: 5000, ttl: 10 * 60_000 });

  constructor(
    private readonly repository: SearchRepository,
    private readonly changes: ChangeCounter,
  ) {}

  async search(user: AuthUser | null, query: SearchQuery): Promise<SearchResults> {
    const viewer = { readsLocalAuthorityTools: readsLocalAuthorityTools(user), id: user?.id ?? null, moderator: isModerator(user) };
    // Redis away: no counter, so nothing is served from (or kept in) the cache.
    const generation = await this.changes.read();
    const key = generation === null ? null : JSON.stringify([generation, query.q, query.limit, viewer.readsLocalAuthorityTools, viewer.moderator, viewer.id]);
    const kept = key === null ? undefined : this.answers.get(key);
    if (kept) return kept;
    const rows = await this.repository.search(query.q, viewer, query.limit);
    const terms = searchTerms(query.q);
    const found = { q: query.q, items: rows.map((r) => toItem(r, terms)) };
    if (key !== null) this.answers.set(key, found);
    return found;
  }
}

function url(r: SearchRow): string {
  switch (r.type) {
    case 'tool':
      return `/tools/${r.id}`;
    case 'initiative':
      return `/initiatives/${r.id}`;
    case 'thread':
      return `/threads/${r.id}`;
    case 'message':
      return `/threads/${r.thread_id}#message-${r.id}`;
    case 'guide':
      return `/guides/${r.id}`;
    case 'idea':
      return `/ideas/${r.id}`;
  }
}

function toItem(r: SearchRow, terms: string[]): SearchItem {
  return {
    type: r.type,
    id: r.id,
    url: url(r),
    title: highlighted(r.title, terms),
    snippet: r.body === null ? { text: '', highlights: [] } : snippet(r.body, terms),
    context: r.context,
    threadId: r.thread_id === null ? null : Number(r.thread_id),
    messageId: r.message_id === null ? null : Number(r.message_id),
    rank: Math.round(r.rank * 1000) / 1000,
    held: r.held,
  };
}
