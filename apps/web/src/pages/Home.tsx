import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../auth';
import { usePageTitle } from '../usePageTitle';
import { Activity } from '../features/community/Activity';
import { EnglandPicture } from '../features/community/pictures.lazy';

export function Home() {
  usePageTitle('');
  const { user } = useAuth();
  // Set by the register page so a new member sees their account was made.
  const created = (useLocation().state as { accountCreated?: boolean } | null)?.accountCreated;

  return (
    <>
      {created && user && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="created-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="created-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Your account has been created. Welcome, {user.displayName}.</p>
          </div>
        </div>
      )}
      <h1 className="govuk-heading-xl">Data Tools Commons</h1>
      <p className="govuk-body-l">
        The shared workplace of England’s local authority children’s services data community: 153 councils building and
        using the same data tools, maintained with the Centre of Excellence.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">What you can do here</h2>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              <Link className="govuk-link" to="/tools">
                Browse the data tools
              </Link>{' '}
              councils share, from return validators to dashboards, and who maintains each.
            </li>
            <li>
              Follow the sector’s{' '}
              <Link className="govuk-link" to="/initiatives">
                initiatives
              </Link>{' '}
              from proposal to delivery.
            </li>
            <li>
              Ask and answer in the{' '}
              <Link className="govuk-link" to="/discussions">
                discussions
              </Link>
              .
            </li>
            <li>
              Say what your authority needs, and back{' '}
              <Link className="govuk-link" to="/ideas">
                other authorities’ needs and ideas
              </Link>
              .
            </li>
            <li>
              See which{' '}
              <Link className="govuk-link" to="/authorities">
                local authorities
              </Link>{' '}
              use which tools.
            </li>
            <li>
              <Link className="govuk-link" to="/search">
                Search
              </Link>{' '}
              tools, initiatives and discussions.
            </li>
          </ul>
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Recent activity</h2>
          <Activity />
        </div>
      </div>
      <EnglandPicture />
      {user === null && (
        <>
          <h2 className="govuk-heading-m">Join the Commons</h2>
          <p className="govuk-body">
            Anyone can read. To take part,{' '}
            <Link className="govuk-link" to="/register">
              create an account
            </Link>{' '}
            or{' '}
            <Link className="govuk-link" to="/sign-in">
              sign in
            </Link>
            .
          </p>
        </>
      )}
    </>
  );
}
