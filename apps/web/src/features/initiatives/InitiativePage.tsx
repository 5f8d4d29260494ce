import { useCallback, useState } from 'react';
import { BurnUpPicture } from '../community/pictures.lazy';
import { GuidesFor } from '../guides/Guides';
import { YouSaidWeDid } from '../answers/Answers';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { Initiative, InitiativeViewer } from '@commons/domain';
import { topics, type EventEnvelope } from '@commons/realtime';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { ChangeHistory, Facts } from '../../components/Facts';
import { ThreadList } from '../discussions/ThreadList';
import { WatchControl } from '../notifications/WatchControl';
import { usePresence, useTopic } from '../../realtime';
import { usePageTitle } from '../../usePageTitle';
import { FOCUS_LABEL, formatDay, ProgressBar, RagTag, STATUS_LABEL, StatusTag } from './InitiativeCommon';
import { LeaderSearch, Milestones, NewMilestoneForm, NewUpdateForm, Updates } from './InitiativePanels';
import { NotFound } from '../../pages/NotFound';
import { Markdown } from '../tools/ToolCommon';

const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join(', ');

export function InitiativePage() {
  const { slug = '' } = useParams();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  // the viewer's standing depends on who is signed in
  const key = keys.initiative(slug, user?.id ?? null);
  const { data, error } = useQuery({
    queryKey: key,
    // seq: the topic's seq when the page was read; live events follow from it
    queryFn: () => api<{ initiative: Initiative; viewer: InitiativeViewer | null; seq: number }>('GET', `/api/initiatives/${slug}`),
    enabled: user !== undefined,
  });
  const initiative = data?.initiative;
  const viewer = data?.viewer ?? null;
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  // a failed button press: shown, without losing the page
  const [problem, setProblem] = useState<string>();
  const topic = topics.initiative(slug);
  usePageTitle(initiative?.title ?? 'Initiative');
  type Data = NonNullable<typeof data>;
  const update = useCallback((change: (d: Data) => Data) => queryClient.setQueryData<Data>(key, (d) => d && change(d)), [queryClient, slug, user?.id]);
  const setInitiative = (next: (i: Initiative) => Initiative) => update((d) => ({ ...d, initiative: next(d.initiative) }));
  const setViewer = (next: (v: InitiativeViewer) => InitiativeViewer) => update((d) => ({ ...d, viewer: d.viewer && next(d.viewer) }));

  // Every change ends with the whole initiative, so one event type keeps the page current.
  useTopic(
    initiative ? topic : null,
    (event: EventEnvelope) => {
      if (event.type === 'initiative.updated') setInitiative(() => event.payload as Initiative);
      if (event.type === 'initiative.leaders.changed' && user) {
        const { leaders } = event.payload as { leaders: { id: string }[] };
        setViewer((v) => ({ ...v, leader: leaders.some((l) => l.id === user.id) }));
      }
    },
    data?.seq,
  );
  const viewers = usePresence(topic);

  if (missing) return <NotFound />;
  if (error) return <p className="govuk-body">The initiative could not be loaded. {error.message}</p>;
  if (!initiative) return <p className="govuk-body" role="status">Loading…</p>;

  const i = initiative;
  const admin = !!user?.roles.includes('admin');
  const leads = admin || !!viewer?.leader;
  const act = (method: 'PUT' | 'DELETE', path: string, change: Partial<InitiativeViewer>) =>
    api(method, `/api/initiatives/${slug}/${path}`)
      .then(() => {
        setViewer((v) => ({ ...v, ...change }));
        // following sets the watch level too
        if (user) void queryClient.invalidateQueries({ queryKey: keys.watches(user.id) });
      })
      .catch((e: Error) => setProblem(e.message));

  return (
    <>
      <Link className="govuk-back-link" to="/initiatives">
        All initiatives
      </Link>
      <h1 className="govuk-heading-xl govuk-!-margin-bottom-2">{i.title}</h1>
      <p className="govuk-body">
        <StatusTag status={i.status} /> <span className="govuk-tag govuk-tag--purple">{FOCUS_LABEL[i.focusArea]}</span> <RagTag rag={i.rag} />
      </p>
      <p className="govuk-body-l">{i.summary}</p>
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <ProgressBar progress={i.progress} label="Progress" />
      <p className="govuk-body-s" data-testid="viewers">
        Here now: {viewers.length ? names(viewers) : 'just you'}
      </p>
      {user && viewer && (
        <div className="app-initiative-actions">
          {viewer.following ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => act('DELETE', 'follow', { following: false })}>
              Unfollow
            </button>
          ) : (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => act('PUT', 'follow', { following: true })}>
              Follow
            </button>
          )}
          {viewer.participating ? (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => act('DELETE', 'participation', { participating: false })}>
              Leave
            </button>
          ) : (
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => act('PUT', 'participation', { participating: true, following: true })}>
              Join as a participant
            </button>
          )}
          {leads && (
            <Link className="govuk-button" to={`/initiatives/${slug}/edit`}>
              Edit initiative
            </Link>
          )}
        </div>
      )}
      {user && viewer && <WatchControl key={String(viewer.following)} subjectType="initiative" subjectId={slug} onChange={(w) => setViewer((v) => ({ ...v, following: w.level === 'watching' }))} />}

      {i.description ? <Markdown text={i.description} /> : <p className="govuk-body">No description yet.</p>}
      <Facts
        rows={[
          ['Led by', names(i.leaders) || 'Nobody yet'],
          ['Start', formatDay(i.startDate)],
          ['Target', formatDay(i.targetDate)],
          [
            'Linked tools',
            i.tools.length > 0 &&
              i.tools.map((t, n) => (
                <span key={t.slug}>
                  {n > 0 && ', '}
                  <Link className="govuk-link" to={`/tools/${t.slug}`}>
                    {t.name}
                  </Link>
                </span>
              )),
          ],
          ['Participating organisations', i.organisations.map((o) => o.name).join(', ')],
          ['Following', String(i.followers)],
        ]}
      />
      <ChangeHistory title="Status history" history={i.statusHistory} label={(s) => STATUS_LABEL[s]} />

      <h2 className="govuk-heading-l">Milestones</h2>
      <Milestones
        slug={slug}
        milestones={i.milestones}
        canEdit={leads}
        onSaved={(m) => setInitiative((x) => ({ ...x, milestones: x.milestones.map((old) => (old.id === m.id ? m : old)) }))}
      />
      {leads && <NewMilestoneForm slug={slug} />}
      <BurnUpPicture milestones={i.milestones} title={i.title} />
      <GuidesFor initiative={slug} />
      <YouSaidWeDid initiative={slug} />

      <h2 className="govuk-heading-l">Updates</h2>
      {leads && <NewUpdateForm slug={slug} />}
      <Updates updates={i.updates} />

      <h2 className="govuk-heading-l">Participants</h2>
      {i.participants.length ? (
        <ul className="govuk-list">
          {i.participants.map((p) => (
            <li key={p.user.id}>
              {p.user.displayName}
              {p.organisation && `, ${p.organisation.name}`}
              {leads && !i.leaders.some((l) => l.id === p.user.id) && (
                <>
                  {' '}
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => api('PUT', `/api/initiatives/${slug}/leaders/${p.user.id}`).catch((e: Error) => setProblem(e.message))}>
                    Make co-leader
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Nobody has joined yet.</p>
      )}

      {admin && (
        <>
          <h2 className="govuk-heading-m">Leadership</h2>
          <ul className="govuk-list">
            {i.leaders.map((l) => (
              <li key={l.id}>
                {l.displayName}{' '}
                {i.leaders.length > 1 && (
                  <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => api('DELETE', `/api/initiatives/${slug}/leaders/${l.id}`).catch((e: Error) => setProblem(e.message))}>
                    Remove as leader
                  </button>
                )}
              </li>
            ))}
          </ul>
          <LeaderSearch slug={slug} />
        </>
      )}

      <ThreadList subjectType="initiative" subjectId={slug} canStart allowAnnouncement={leads} />
    </>
  );
}
