import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { IDEA_STATUS_LABEL, IdeaStatus, type IdeaList } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { usePageTitle } from '../../usePageTitle';
import { backedBy, StatusTag } from './IdeaCommon';
import { IdeasPicture } from '../community/pictures.lazy';

/** Needs and ideas, by how many authorities back them or newest first. */
export function Ideas() {
  usePageTitle('Needs and ideas');
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const sort = params.get('sort') === 'recent' ? 'recent' : 'backing';
  const query = new URLSearchParams({ sort, ...(status && { status }) }).toString();
  const { data, error } = useQuery({ queryKey: ['ideas', 'list', query], queryFn: () => api<IdeaList>('GET', `/api/ideas?${query}`) });

  function set(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  }

  return (
    <>
      <h1 className="govuk-heading-xl">Needs and ideas</h1>
      <p className="govuk-body-l">What authorities need from shared tools. Back a need on behalf of your authority, so the Centre of Excellence builds what most councils want.</p>
      <p className="govuk-body-s">
        <a className="govuk-link" href="/api/exports/ideas.csv" download>
          Download every need and idea with its backing (CSV)
        </a>
      </p>
      {user && (
        <p className="govuk-body">
          <Link className="govuk-button govuk-button--secondary" to="/ideas/new">
            Raise a need or an idea
          </Link>
        </p>
      )}
      <div className="app-filters__row">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="idea-status">
            Status
          </label>
          <select className="govuk-select" id="idea-status" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any</option>
            {IdeaStatus.options.map((s) => (
              <option key={s} value={s}>
                {IDEA_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="idea-sort">
            Order
          </label>
          <select className="govuk-select" id="idea-sort" value={sort} onChange={(e) => set('sort', e.target.value === 'backing' ? '' : e.target.value)}>
            <option value="backing">Most backed first</option>
            <option value="recent">Newest first</option>
          </select>
        </div>
      </div>
      {error ? (
        <p className="govuk-body">The ideas could not be loaded. {error.message}</p>
      ) : !data ? (
        <p className="govuk-body" role="status">Loading…</p>
      ) : data.items.length === 0 ? (
        <p className="govuk-body" role="status">No needs or ideas yet.</p>
      ) : (
        <>
        {sort === 'backing' && !status && <IdeasPicture ideas={data.items} />}
        <ul className="govuk-list app-ideas">
          {data.items.map((idea) => (
            <li key={idea.id} className="govuk-!-margin-bottom-4">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={`/ideas/${idea.id}`}>
                  {idea.title}
                </Link>
              </h2>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                <StatusTag status={idea.status} /> {idea.kind === 'need' ? 'Need' : 'Idea'} · {backedBy(idea.backing)}
              </p>
            </li>
          ))}
        </ul>
        </>
      )}
    </>
  );
}
