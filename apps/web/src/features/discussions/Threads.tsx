import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth';
import { ThreadList } from './ThreadList';
import { usePageTitle } from '../../usePageTitle';

const VIEWS = [
  { value: 'general', label: 'General' },
  { value: 'all', label: 'All threads' },
] as const;

/** /discussions: the general space (where new threads start) and every thread across the Commons. */
export function Threads() {
  const { user } = useAuth();
  const [params] = useSearchParams();
  const view = params.get('view') === 'all' ? 'all' : 'general';
  usePageTitle('Discussions');

  return (
    <>
      <h1 className="govuk-heading-xl">Discussions</h1>
      <p className="govuk-body-l">Ask questions, share what works and plan changes with everyone who builds and uses the tools.</p>
      <nav aria-label="Which threads" className="app-filter">
        <ul className="app-filter__list">
          {VIEWS.map((v) => (
            <li key={v.value} className={`app-filter__item${v.value === view ? ' app-filter__item--active' : ''}`}>
              <Link className="govuk-link govuk-link--no-visited-state" to={v.value === 'all' ? '?view=all' : '?'} aria-current={v.value === view ? 'page' : undefined}>
                {v.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'general' ? (
        <ThreadList key="general" subjectType="general" canStart={user !== undefined} title="General discussion" />
      ) : (
        <ThreadList key="all" title="All threads" />
      )}
    </>
  );
}
