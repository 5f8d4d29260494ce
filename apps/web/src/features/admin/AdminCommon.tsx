import type { ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { useAuth } from '../../auth';
import { SignInLink } from '../../components/SignInPrompt';
import { usePageTitle } from '../../usePageTitle';

const SECTIONS = [
  { to: '/admin/people', label: 'People' },
  { to: '/admin/organisations', label: 'Organisations' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/sso', label: 'Single sign-on' },
];

/** An admin screen: its title, the admin sections, and for anyone else why they cannot see it. */
export function AdminScreen({ title, children }: { title: string; children: ReactNode }) {
  const { user } = useAuth();
  usePageTitle(title);
  if (user === undefined) return null;
  if (!user?.roles.includes('admin')) {
    return (
      <>
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">Only admins can see this page.</p>
        {!user && (
          <p className="govuk-body">
            If you are an admin, <SignInLink>sign in</SignInLink>.
          </p>
        )}
      </>
    );
  }
  return (
    <>
      <nav aria-label="Admin" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-inline-list">
          {SECTIONS.map((s) => (
            <li key={s.to} style={{ display: 'inline-block', marginRight: '1.5em' }}>
              <NavLink className="govuk-link" to={s.to} end>
                {s.label}
              </NavLink>
            </li>
          ))}
          {/* Served by the API outside the web client (bull-board): a full page load, not a client route. */}
          <li style={{ display: 'inline-block', marginRight: '1.5em' }}>
            <a className="govuk-link" href="/admin/queues">
              Job queues
            </a>
          </li>
        </ul>
      </nav>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
    </>
  );
}

export const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The search form at the top of an admin list. */
export function AdminSearch({ id, label, button, q, onSearch }: { id: string; label: string; button: string; q: string; onSearch(q: string): void }) {
  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(String(new FormData(e.currentTarget).get('q') ?? '').trim());
      }}
    >
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={id}>
          {label}
        </label>
        <input className="govuk-input govuk-!-width-one-half" id={id} name="q" type="search" defaultValue={q} />{' '}
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
          {button}
        </button>
      </div>
    </form>
  );
}
