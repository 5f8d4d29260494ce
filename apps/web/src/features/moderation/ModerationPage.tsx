import { Link, useSearchParams } from 'react-router-dom';
import { ModerationState } from '@commons/domain';
import { isModerator, useAuth } from '../../auth';
import { WarningText } from '../../components/forms';
import { usePageTitle } from '../../usePageTitle';
import { Item } from './Item';
import { STATES, type Filter, type State } from './labels';
import { useModerationQueue } from './useModerationQueue';

/** No `state`: what needs a decision. */
function parseFilter(value: string | null): Filter {
  if (value === 'all') return 'all';
  const parsed = ModerationState.safeParse(value);
  return parsed.success ? parsed.data : 'open';
}

function Console() {
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get('state'));
  const { s, unseen, announcement, liveError, onItem, more } = useModerationQueue(filter);
  usePageTitle(unseen > 0 ? `(${unseen}) Moderation` : 'Moderation');

  const count = (st: State) => s.counts[st] ?? 0;
  const total = Object.values(s.counts).reduce((a, b) => a + (b ?? 0), 0);
  const items = s.view.map((id) => s.byId.get(id)!).filter(Boolean);
  const filterLinks: { value: Filter; label: string; n: number }[] = [
    { value: 'open', label: 'Needs a decision', n: count('pending') + count('held') },
    ...(Object.keys(STATES) as State[]).map((st) => ({ value: st, label: STATES[st].label, n: count(st) })),
    { value: 'all', label: 'All', n: total },
  ];
  const empty = filter === 'open' ? 'Nothing needs a decision right now.' : filter === 'all' ? 'There is nothing in the queue yet.' : `Nothing is ${STATES[filter].label.toLowerCase()} right now.`;

  return (
    <>
      <h1 className="govuk-heading-xl">Moderation</h1>
      <p className="govuk-body-l">
        Feedback and reported messages appear here the moment they arrive, before the automatic check. Nothing is public until it is
        published, approved or redacted. You see the redacted copy; showing the original is recorded.
      </p>
      <p className="govuk-body">
        Design document sections held for personal data are listed on{' '}
        <Link className="govuk-link" to="/moderation/design">
          held design sections
        </Link>
        .
      </p>
      {liveError && <WarningText>Live updates are not available ({liveError}). Reload the page to see new feedback.</WarningText>}

      <nav aria-label="Filter by state" className="app-filter">
        <ul className="app-filter__list">
          {filterLinks.map(({ value, label, n }) => {
            const active = value === filter;
            return (
              <li key={value} className={`app-filter__item${active ? ' app-filter__item--active' : ''}`}>
                <Link
                  className="govuk-link govuk-link--no-visited-state"
                  to={value === 'open' ? '?' : `?state=${value}`}
                  aria-current={active ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setParams(value === 'open' ? {} : { state: value });
                  }}
                >
                  {label}
                  <span className="govuk-visually-hidden">: </span>
                  <span className="app-filter__count" data-state={value}>
                    {n}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="govuk-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>

      {s.error ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">The queue could not be loaded. {s.error}</p>
        </div>
      ) : s.loading && items.length === 0 ? (
        <p className="govuk-body">Loading the queue…</p>
      ) : items.length === 0 ? (
        <p className="govuk-body">{empty} New items will appear here as they arrive.</p>
      ) : (
        <ol className="app-queue" aria-label="Moderation queue, newest first">
          {items.map((item) => (
            <Item key={item.id} item={item} fresh={s.fresh.has(item.id)} full={s.full.has(item.id)} onItem={onItem} />
          ))}
        </ol>
      )}
      {s.more && s.oldest && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={more}>
          Show older items
        </button>
      )}
    </>
  );
}

function NeedModerator({ signedIn }: { signedIn: boolean }) {
  usePageTitle('You need to be a moderator');
  return (
    <>
      <h1 className="govuk-heading-l">You need to be a moderator</h1>
      <p className="govuk-body">Only moderators can see the moderation queue, because new feedback may hold personal details.</p>
      {signedIn ? (
        <p className="govuk-body">If you should be a moderator, ask an admin to give you the role.</p>
      ) : (
        <p className="govuk-body">
          If you are a moderator,{' '}
          <Link className="govuk-link" to="/sign-in">
            sign in
          </Link>
          .
        </p>
      )}
    </>
  );
}

/** /moderation: the moderators' live queue. */
export function Moderation() {
  const { user } = useAuth();
  if (user === undefined) return <p className="govuk-body">Loading…</p>;
  if (!isModerator(user)) return <NeedModerator signedIn={user !== null} />;
  return <Console />;
}
