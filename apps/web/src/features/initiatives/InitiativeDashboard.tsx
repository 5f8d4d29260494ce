import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { DashboardItem } from '@commons/domain';
import { topics, type EventEnvelope } from '@commons/realtime';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { usePageTitle } from '../../usePageTitle';
import { formatDay, Live, ProgressBar, RagTag, StatusTag } from './InitiativeCommon';
import { formatDate } from '../tools/ToolCommon';

/** The leaders' dashboard: what they lead or follow, what is late, what was said last. Live. */
export function InitiativeDashboard() {
  usePageTitle('Your initiatives');
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const key = keys.dashboard(user?.id ?? '');
  const { data: items, error } = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: DashboardItem[] }>('GET', '/api/me/initiatives').then((r) => r.items),
    enabled: !!user,
  });

  // Overdue milestones and the last update are per-dashboard shapes: refetch on the change that ends each write.
  const changed = (event: EventEnvelope) => event.type === 'initiative.updated' && void queryClient.invalidateQueries({ queryKey: key });

  if (user === undefined) return null;
  if (!user) {
    return (
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          Sign in
        </Link>{' '}
        to see the initiatives you lead and follow.
      </p>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-xl">Your initiatives</h1>
      {error && <p className="govuk-body">The dashboard could not be loaded. {error.message}</p>}
      {!items ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : items.length === 0 ? (
        <p className="govuk-body">
          You do not lead or follow any initiative yet. <Link className="govuk-link" to="/initiatives">Browse initiatives</Link>.
        </p>
      ) : (
        <ul className="govuk-list">
          {items.map((i) => (
            <li key={i.slug} className="app-section" data-testid={`dashboard-${i.slug}`}>
              <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={`/initiatives/${i.slug}`}>
                  {i.title}
                </Link>
              </h2>
              <p className="govuk-body govuk-!-margin-bottom-1">
                <StatusTag status={i.status} /> <RagTag rag={i.rag} /> <span className="govuk-body-s">{i.role === 'leader' ? 'You lead this' : 'You follow this'}</span>
              </p>
              <ProgressBar progress={i.progress} label={`Progress of ${i.title}`} />
              {i.overdueMilestones.length > 0 && (
                <div className="app-milestone--overdue">
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Overdue</p>
                  <ul className="govuk-list govuk-list--bullet">
                    {i.overdueMilestones.map((m) => (
                      <li key={m.id}>
                        {m.title}, due {formatDay(m.dueDate)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <p className="govuk-body-s">
                {i.lastUpdate ? `Last update ${formatDate(i.lastUpdate.createdAt)} by ${i.lastUpdate.author?.displayName ?? 'a former member'}: ${i.lastUpdate.body.slice(0, 140)}` : 'No updates yet.'}
              </p>
            </li>
          ))}
        </ul>
      )}
      {items?.map((i) => <Live key={i.slug} topic={topics.initiative(i.slug)} onEvent={changed} />)}
    </>
  );
}
