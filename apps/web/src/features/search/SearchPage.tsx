import { type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import type { SearchItem, SearchResults, SearchResultType } from '@commons/domain';
import { api } from '../../api';
import { usePageTitle } from '../../usePageTitle';
import { Highlight } from './Highlight';
import './search.css';

const GROUPS: { type: SearchResultType; heading: string }[] = [
  { type: 'tool', heading: 'Tools' },
  { type: 'guide', heading: 'Guides' },
  { type: 'idea', heading: 'Needs and ideas' },
  { type: 'initiative', heading: 'Initiatives' },
  { type: 'thread', heading: 'Discussions' },
  { type: 'message', heading: 'Messages' },
];

const countResults = (n: number) => `${n} ${n === 1 ? 'result' : 'results'}`;

function Result({ item }: { item: SearchItem }) {
  const where = item.type === 'message' ? `In “${item.title.text}”${item.context ? `, by ${item.context}` : ''}` : item.type === 'thread' && item.context ? `On ${item.context}` : null;
  return (
    <li className="app-search-result" data-type={item.type}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link className="govuk-link" to={item.url}>
          {item.type === 'message' ? <Highlight value={item.snippet.text ? item.snippet : item.title} /> : <Highlight value={item.title} />}
        </Link>
      </h3>
      {where && (
        <p className="govuk-body-s app-search-result__where">
          {where}
          {item.held && <strong className="govuk-tag govuk-tag--yellow app-search-result__held">Held: only its writer and moderators see it</strong>}
        </p>
      )}
      {item.type !== 'message' && item.snippet.text && (
        <p className="govuk-body app-search-result__snippet">
          <Highlight value={item.snippet} />
        </p>
      )}
    </li>
  );
}

/** /search?q=: tools, initiatives, discussions and messages the reader may see, best first in each group. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  usePageTitle(q ? `Search: ${q}` : 'Search');
  const { data, error, isFetching } = useQuery({
    queryKey: ['search', q],
    queryFn: () => api<SearchResults>('GET', `/api/search?${new URLSearchParams({ q })}`),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    setParams(next ? { q: next } : {});
  }

  const items = data && data.q === q ? data.items : [];
  const status = !q ? '' : error ? '' : !data || (isFetching && data.q !== q) ? 'Searching…' : items.length === 0 ? `No results for “${q}”` : `${countResults(items.length)} for “${q}”`;

  return (
    <>
      <h1 className="govuk-heading-xl">Search</h1>
      <form role="search" aria-label="Search the Commons" onSubmit={onSubmit} className="app-search-form">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="search-q">
            Search tools, initiatives and discussions
          </label>
          <div className="govuk-hint" id="search-q-hint">
            Part of a word, a number or a misspelling will do: “903”, “cin censsus”.
          </div>
          <input className="govuk-input" id="search-q" name="q" type="search" maxLength={200} aria-describedby="search-q-hint" defaultValue={q} key={q} />
        </div>
        <button type="submit" className="govuk-button">
          Search
        </button>
      </form>
      {error && (
        <div className="govuk-error-summary" role="alert">
          <p className="govuk-body">The search did not work. {error.message}</p>
        </div>
      )}
      {/* announced when it changes: the number of results, or that there are none */}
      <p className="govuk-body" role="status" aria-live="polite">
        {status}
      </p>
      {GROUPS.map(({ type, heading }) => {
        const group = items.filter((i) => i.type === type);
        if (!group.length) return null;
        return (
          <section key={type} aria-labelledby={`search-${type}`} className="app-search-group">
            <h2 className="govuk-heading-m" id={`search-${type}`}>
              {heading} <span className="govuk-caption-m app-search-group__count">({group.length})</span>
            </h2>
            <ul className="govuk-list app-search-results">
              {group.map((item) => (
                <Result key={`${item.type}:${item.id}`} item={item} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
