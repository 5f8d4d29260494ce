import { type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { ToolStage, type Organisation, type ToolList, type ToolSummary } from '@commons/domain';
import { topics } from '@commons/realtime';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { useTopic } from '../../realtime';
import { usePageTitle } from '../../usePageTitle';
import { linkUrl, StageTag, stageLabel } from './ToolCommon';
import { CataloguePictures } from '../community/pictures.lazy';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'stage', 'dataset', 'technology', 'region'] as const;

const countTools = (n: number) => `${n} ${n === 1 ? 'tool' : 'tools'}`;

/** The local authorities' regions and how many authorities there are, for the filters and "N of 153". */
export function useAuthorities() {
  const { data: authorities = [] } = useQuery({
    queryKey: keys.organisations('local_authority'),
    queryFn: () => api<{ items: Organisation[] }>('GET', '/api/organisations?kind=local_authority').then((r) => r.items),
    // reference data: it changes with a deployment, not while the page is open
    staleTime: Infinity,
  });
  const regions = [...new Set(authorities.map((a) => a.region).filter((r): r is string => !!r))].sort();
  return { count: authorities.length, regions, ids: new Set(authorities.map((a) => a.id)) };
}

function ToolItem({ tool, of }: { tool: ToolSummary; of: number }) {
  return (
    <li className="app-tool">
      <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
        <Link className="govuk-link" to={`/tools/${tool.slug}`}>
          {tool.name}
        </Link>
      </h2>
      <p className="govuk-body govuk-!-margin-bottom-2">
        <StageTag stage={tool.stage} />
        {of > 0 && <span className="govuk-body-s app-tool__used"> Used by {tool.usedBy} of {of} authorities</span>}
      </p>
      <p className="govuk-body">{tool.summary}</p>
      <dl className="govuk-summary-list govuk-summary-list--no-border app-tool__facts">
        {tool.datasets.length > 0 && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Datasets</dt>
            <dd className="govuk-summary-list__value">{tool.datasets.join(', ')}</dd>
          </div>
        )}
        {tool.technology.length > 0 && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Technology</dt>
            <dd className="govuk-summary-list__value">{tool.technology.join(', ')}</dd>
          </div>
        )}
        {tool.repository && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Source code</dt>
            <dd className="govuk-summary-list__value">
              <a className="govuk-link" href={linkUrl(tool.repository)}>
                {tool.repository}
                <span className="govuk-visually-hidden"> (source code of {tool.name})</span>
              </a>
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

function Select({ id, label, value, options, labels }: { id: string; label: string; value: string; options: readonly string[]; labels?: (o: string) => string }) {
  return (
    <div className="govuk-form-group app-filters__field">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select" id={id} name={id} defaultValue={value} key={`${id}:${value}:${options.length}`}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels ? labels(o) : o}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The catalogue: search and filters live in the address, so a filtered list can be shared. */
export function Tools() {
  usePageTitle('Tools');
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const authorities = useAuthorities();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = params.toString();
  const queryClient = useQueryClient();
  const { data: list, error } = useQuery({
    queryKey: keys.tools(query),
    queryFn: () => {
      const search = new URLSearchParams(query);
      search.set('limit', String(PAGE_SIZE));
      return api<ToolList>('GET', `/api/tools?${search}`);
    },
    // the filters keep showing the last list until the new one is in
    placeholderData: keepPreviousData,
  });

  // A proposed tool or a stage move elsewhere shows up here without a reload.
  useTopic(topics.catalogue, () => void queryClient.invalidateQueries({ queryKey: ['tools', 'list'] }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const v = String(form.get(f) ?? '').trim();
      if (v) next.set(f, v);
    }
    setParams(next);
  }

  const page = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 0) next.set('offset', String(to));
    else next.delete('offset');
    return `?${next}`;
  };

  return (
    <>
      <h1 className="govuk-heading-xl">Tools</h1>
      <p className="govuk-body-l">Data tools built and shared by local authority children’s services.</p>
      <p className="govuk-body-s">
        Take the data away: <a className="govuk-link" href="/api/exports/tools.csv" download>the catalogue (CSV)</a>,{' '}
        <a className="govuk-link" href="/api/exports/adoptions.csv" download>adoption by authority (CSV)</a>,{' '}
        <a className="govuk-link" href="/feeds/releases.atom">new releases (Atom feed)</a>.
      </p>
      {user && (
        <p className="govuk-body">
          <Link className="govuk-button govuk-button--secondary" to="/tools/new">
            Propose a tool
          </Link>
        </p>
      )}
      <form className="app-filters" role="search" aria-label="Search tools" onSubmit={onSubmit}>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="q">
            Search
          </label>
          <input className="govuk-input" id="q" name="q" type="search" defaultValue={params.get('q') ?? ''} key={`q:${params.get('q') ?? ''}`} />
        </div>
        <div className="app-filters__row">
          <Select id="stage" label="Stage" value={params.get('stage') ?? ''} options={ToolStage.options} labels={(s) => stageLabel(s as ToolStage)} />
          <Select id="dataset" label="Dataset" value={params.get('dataset') ?? ''} options={list?.facets.datasets ?? []} />
          <Select id="technology" label="Technology" value={params.get('technology') ?? ''} options={list?.facets.technology ?? []} />
          <Select id="region" label="Used in region" value={params.get('region') ?? ''} options={authorities.regions} />
        </div>
        <button type="submit" className="govuk-button">
          Search
        </button>
      </form>
      {error ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">The tools could not be loaded. {error.message}</p>
        </div>
      ) : !list ? (
        <p className="govuk-body" role="status">
          Loading tools…
        </p>
      ) : list.items.length === 0 ? (
        <p className="govuk-body" role="status">
          No tools match.
        </p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            {list.total === list.items.length ? countTools(list.total) : `Showing ${offset + 1} to ${offset + list.items.length} of ${countTools(list.total)}`}
          </p>
          <ul className="govuk-list app-tool-list">
            {list.items.map((tool) => (
              <ToolItem key={tool.slug} tool={tool} of={authorities.count} />
            ))}
          </ul>
          {list.total > PAGE_SIZE && (
            <nav className="govuk-pagination" aria-label="Pages of tools">
              {offset > 0 && (
                <div className="govuk-pagination__prev">
                  <Link className="govuk-link govuk-pagination__link" to={page(Math.max(0, offset - PAGE_SIZE))} rel="prev">
                    <span className="govuk-pagination__link-title">Previous page</span>
                  </Link>
                </div>
              )}
              {offset + PAGE_SIZE < list.total && (
                <div className="govuk-pagination__next">
                  <Link className="govuk-link govuk-pagination__link" to={page(offset + PAGE_SIZE)} rel="next">
                    <span className="govuk-pagination__link-title">Next page</span>
                  </Link>
                </div>
              )}
            </nav>
          )}
        </>
      )}
      <CataloguePictures stageLabel={stageLabel} />
    </>
  );
}
