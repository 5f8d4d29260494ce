import { type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { FocusArea, InitiativeStatus, type InitiativeSummary } from '@commons/domain';
import { topics, type EventEnvelope } from '@commons/realtime';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { usePageTitle } from '../../usePageTitle';
import { FOCUS_LABEL, formatDay, Live, ProgressBar, RagTag, STATUS_LABEL, StatusTag } from './InitiativeCommon';

const FILTERS = ['status', 'focusArea'] as const;

export function InitiativeItem({ initiative: i }: { initiative: InitiativeSummary }) {
  return (
    <li className="app-section" data-testid={`initiative-${i.slug}`}>
      <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
        <Link className="govuk-link" to={`/initiatives/${i.slug}`}>
          {i.title}
        </Link>
      </h2>
      <p className="govuk-body govuk-!-margin-bottom-1">
        <StatusTag status={i.status} /> <span className="govuk-tag govuk-tag--purple">{FOCUS_LABEL[i.focusArea]}</span> <RagTag rag={i.rag} />
      </p>
      <p className="govuk-body">{i.summary}</p>
      <ProgressBar progress={i.progress} label={`Progress of ${i.title}`} />
      <p className="govuk-body-s app-section__meta">
        Led by {i.leaders.map((l) => l.displayName).join(', ') || 'nobody yet'}
        {i.targetDate && ` · target ${formatDay(i.targetDate)}`}
        {i.overdue > 0 && <strong className="app-milestone--overdue"> · {i.overdue} overdue</strong>}
        {` · ${i.followers} following`}
      </p>
    </li>
  );
}

export function Initiatives() {
  usePageTitle('Initiatives');
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const queryClient = useQueryClient();
  const { data: items, error } = useQuery({
    queryKey: keys.initiatives(query),
    queryFn: () => api<{ items: InitiativeSummary[] }>('GET', `/api/initiatives?${query}`).then((r) => r.items),
    placeholderData: keepPreviousData,
  });

  // Each listed initiative's changes show up here without a reload; its whole state comes with the event.
  const changed = (event: EventEnvelope) => {
    if (event.type !== 'initiative.updated') return;
    const next = event.payload as InitiativeSummary;
    queryClient.setQueryData<InitiativeSummary[]>(keys.initiatives(query), (list) => list?.map((i) => (i.slug === next.slug ? next : i)));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const v = String(form.get(f) ?? '');
      if (v) next.set(f, v);
    }
    setParams(next);
  }

  return (
    <>
      <h1 className="govuk-heading-xl">Initiatives</h1>
      <p className="govuk-body-l">Sector work led by members: new tools, data standards and rollouts, with their progress in the open.</p>
      <p className="govuk-body-s">
        Follow every initiative’s updates in a feed reader: <a className="govuk-link" href="/feeds/initiatives.atom">initiative updates (Atom feed)</a>.
      </p>
      {user && (
        <p className="govuk-body">
          <Link className="govuk-button govuk-button--secondary" to="/initiatives/new">
            Propose an initiative
          </Link>{' '}
          <Link className="govuk-link" to="/initiatives/dashboard">
            Your initiatives
          </Link>
        </p>
      )}
      <form className="app-filters" role="search" aria-label="Filter initiatives" onSubmit={onSubmit}>
        <div className="app-filters__row">
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="status">
              Status
            </label>
            <select className="govuk-select" id="status" name="status" defaultValue={params.get('status') ?? ''} key={`status:${params.get('status')}`}>
              <option value="">Any</option>
              {InitiativeStatus.options.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="focusArea">
              Focus area
            </label>
            <select className="govuk-select" id="focusArea" name="focusArea" defaultValue={params.get('focusArea') ?? ''} key={`focus:${params.get('focusArea')}`}>
              <option value="">Any</option>
              {FocusArea.options.map((f) => (
                <option key={f} value={f}>
                  {FOCUS_LABEL[f]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="govuk-button">
          Filter
        </button>
      </form>
      {error ? (
        <p className="govuk-body">The initiatives could not be loaded. {error.message}</p>
      ) : !items ? (
        <p className="govuk-body" role="status">
          Loading initiatives…
        </p>
      ) : items.length === 0 ? (
        <p className="govuk-body" role="status">
          No initiatives match.
        </p>
      ) : (
        <ul className="govuk-list">
          {items.map((i) => (
            <InitiativeItem key={i.slug} initiative={i} />
          ))}
        </ul>
      )}
      {items?.map((i) => <Live key={i.slug} topic={topics.initiative(i.slug)} onEvent={changed} />)}
    </>
  );
}
