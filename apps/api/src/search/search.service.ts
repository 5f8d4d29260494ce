import { Injectable } from '@nestjs/common';
import { highlighted, searchTerms, snippet, type SearchItem, type SearchQuery, type SearchResults } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { isModerator } from '../discussions/messages.service';
import { readsLocalAuthorityTools } from '../tools/tool-access';
import { SearchRepository, type SearchRow } from './search.repository';

/** The one search box: what the reader may see, ranked, with where the search matched. */
@Injectable()
export class SearchService {
  constructor(private readonly repository: SearchRepository) {}

  async search(user: AuthUser | null, query: SearchQuery): Promise<SearchResults> {
    const rows = await this.repository.search(
      query.q,
      { readsLocalAuthorityTools: readsLocalAuthorityTools(user), id: user?.id ?? null, moderator: isModerator(user) },
      query.limit,
    );
    const terms = searchTerms(query.q);
    return { q: query.q, items: rows.map((r) => toItem(r, terms)) };
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
