import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { topics } from '@commons/realtime';
import type { ActivityList, ActivityType } from '@commons/domain';
import { api } from '../../api';
import { useTopic } from '../../realtime';

const LABEL: Record<ActivityType, string> = {
  'tool.proposed': 'New tool',
  'tool.released': 'Release',
  'initiative.update': 'Initiative update',
  'question.answered': 'Question answered',
  'thread.started': 'New discussion',
  'idea.raised': 'New need',
  'idea.backed': 'Backing',
  'guide.published': 'New guide',
};

const when = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The home page's feed of what the community did lately; the catalogue's live events refresh it. */
export function Activity() {
  const queryClient = useQueryClient();
  const { data, error } = useQuery({ queryKey: ['activity'], queryFn: () => api<ActivityList>('GET', '/api/activity?limit=12') });
  useTopic(topics.catalogue, () => void queryClient.invalidateQueries({ queryKey: ['activity'] }));

  if (error) return <p className="govuk-body">Recent activity could not be loaded.</p>;
  if (!data) return <p className="govuk-body" role="status">Loading recent activity…</p>;
  if (data.items.length === 0) return <p className="govuk-body">Nothing yet: be the first to propose a tool.</p>;
  return (
    <ul className="govuk-list app-activity" aria-live="polite">
      {data.items.map((item) => (
        <li key={`${item.type}:${item.url}:${item.at}`}>
          <strong className="govuk-tag govuk-tag--grey">{LABEL[item.type]}</strong>{' '}
          <Link className="govuk-link" to={item.url}>
            {item.title}
          </Link>{' '}
          <span className="govuk-body-s govuk-!-margin-0">
            <time dateTime={item.at}>{when(item.at)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
