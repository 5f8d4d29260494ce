import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { topics } from '@commons/realtime';
import { useAuth } from '../auth';
import { useTopic } from '../realtime';
import { SERVICE_NAME } from '../usePageTitle';
import { useRememberPage, useSignInHref } from '../returnTo';
import { NotificationsLink } from '../features/notifications/inbox';
import { FeedbackForm } from './FeedbackForm';
import { UnreadBadge } from '../features/discussions/unread';
import { SearchBox } from '../features/search/SearchBox';

type Role = 'admin' | 'moderator';

// Later sections (discussions, initiatives…) add themselves here; `roles` limits who sees the link.
const SECTIONS: { to: string; label: string; roles?: Role[]; also?: string[] }[] = [
  { to: '/', label: 'Home' },
  { to: '/tools', label: 'Tools' },
  { to: '/initiatives', label: 'Initiatives' },
  { to: '/discussions', label: 'Discussions', also: ['/threads/'] },
  { to: '/ideas', label: 'Ideas' },
  { to: '/guides', label: 'Guides' },
  { to: '/authorities', label: 'Authorities' },
  { to: '/moderation', label: 'Moderation', roles: ['moderator', 'admin'] },
  { to: '/admin/people', label: 'Admin', roles: ['admin'], also: ['/admin/'] },
];

const ROLE_LABELS = { admin: 'Admin', moderator: 'Moderator' } as const;

function Account() {
  const { user, signOut, refresh } = useAuth();
  const navigate = useNavigate();
  // Signing in or registering from the header comes back to this page.
  const signInHref = useSignInHref();
  const registerHref = useSignInHref('/register');
  // An admin may change our roles while we are here: show them without a reload.
  useTopic(user ? topics.user(user.id) : null, (event) => {
    // Signed out everywhere (or the account deleted) from another browser: this page is signed out too.
    if (event.type === 'user.roles.changed' || event.type === 'user.sessions.revoked') void refresh();
  });

  // Render nothing until we know, so a signed-in user never sees "Sign in" flash up.
  if (user === undefined) return null;
  return (
    <nav aria-label="Your account" className="app-account">
      <ul className="govuk-service-navigation__list">
        {user ? (
          <>
            <li className="govuk-service-navigation__item">
              <NotificationsLink />
            </li>
            <li className="govuk-service-navigation__item">
              <span className="govuk-service-navigation__text">
                <span className="govuk-visually-hidden">Signed in as </span>
                <Link className="govuk-service-navigation__link" to="/account">
                  {user.displayName}
                </Link>
              </span>
            </li>
            {(['admin', 'moderator'] as const)
              .filter((role) => user.roles.includes(role))
              .map((role) => (
                <li key={role} className="govuk-service-navigation__item">
                  <strong className="govuk-tag govuk-tag--grey">{ROLE_LABELS[role]}</strong>
                </li>
              ))}
            <li className="govuk-service-navigation__item">
              <button
                type="button"
                className="govuk-service-navigation__link app-link-button"
                onClick={async () => {
                  await signOut();
                  navigate('/');
                }}
              >
                Sign out
              </button>
            </li>
          </>
        ) : (
          <>
            <li className="govuk-service-navigation__item">
              <Link className="govuk-service-navigation__link" to={signInHref}>
                Sign in
              </Link>
            </li>
            <li className="govuk-service-navigation__item">
              <Link className="govuk-service-navigation__link" to={registerHref}>
                Register
              </Link>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  useRememberPage();
  const { user } = useAuth();
  const sections = SECTIONS.filter((s) => !s.roles || s.roles.some((r) => user?.roles.includes(r)));
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A client-side route change is silent for screen readers; moving focus to the new content announces it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);

  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header role="banner">
        <div className="govuk-generic-header">
          <div className="govuk-generic-header__container govuk-width-container">
            <div className="govuk-generic-header__logo">
              <Link to="/" className="govuk-generic-header__homepage-link">
                {SERVICE_NAME}
              </Link>
            </div>
            <SearchBox />
          </div>
        </div>
        <div className="govuk-service-navigation">
          <div className="govuk-width-container govuk-service-navigation__inlining-container">
            <div className="govuk-service-navigation__container">
              <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
                <ul className="govuk-service-navigation__list">
                  {sections.map(({ to, label, also }) => {
                    const active =
                      (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`)) || !!also?.some((p) => pathname.startsWith(p));
                    return (
                      <li key={to} className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
                        <Link to={to} className="govuk-service-navigation__link" aria-current={pathname === to ? 'page' : active ? 'true' : undefined}>
                          {/* bold survives forced-colour and user stylesheets, as in the GOV.UK template */}
                          {active ? <strong className="govuk-service-navigation__active-fallback">{label}</strong> : label}
                          {to === '/discussions' && <UnreadBadge />}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            </div>
            <Account />
          </div>
        </div>
      </header>
      <div className="govuk-width-container">
        <div className="govuk-phase-banner">
          <p className="govuk-phase-banner__content">
            <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
            <span className="govuk-phase-banner__text">This is a new service. It will change as the community shapes it.</span>
          </p>
        </div>
        <main className="govuk-main-wrapper" id="main-content" ref={main} tabIndex={-1}>
          {children}
        </main>
        <FeedbackForm />
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">About this service</h2>
              <p className="govuk-body-s">
                {SERVICE_NAME} is the shared workplace of England’s local authority children’s services data community.
              </p>
              <p className="govuk-body-s">Tools are maintained together by councils and the Centre of Excellence.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
