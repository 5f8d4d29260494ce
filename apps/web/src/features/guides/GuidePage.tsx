import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { Guide } from '@commons/domain';
import { api } from '../../api';
import { NotFound } from '../../pages/NotFound';
import { usePageTitle } from '../../usePageTitle';
import { MessageBodyView } from '../discussions/message/MessageBody';
import { reviewedOn } from './Guides';

const LINK = { tool: (id: string) => `/tools/${id}`, initiative: (id: string) => `/initiatives/${id}` };

export function GuidePage() {
  const { slug = '' } = useParams();
  const queryClient = useQueryClient();
  const key = ['guides', 'page', slug];
  const { data, isError } = useQuery({ queryKey: key, queryFn: () => api<{ guide: Guide }>('GET', `/api/guides/${slug}`) });
  const [error, setError] = useState<string | null>(null);
  usePageTitle(data?.guide.title ?? 'Guide');
  if (isError) return <NotFound />;
  if (!data) return <p className="govuk-body" role="status">Loading…</p>;
  const { guide } = data;

  async function markReviewed() {
    setError(null);
    try {
      queryClient.setQueryData(key, await api<{ guide: Guide }>('POST', `/api/guides/${slug}/reviewed`));
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Something went wrong. Try again.');
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/guides">
          All guides
        </Link>
        <span className="govuk-caption-l">Guide</span>
        <h1 className="govuk-heading-l">{guide.title}</h1>
        <p className="govuk-body-l">{guide.summary}</p>
        <p className="govuk-body-s">
          Owned by {guide.owner?.displayName ?? 'nobody at present'}. Last reviewed {reviewedOn(guide.lastReviewedOn)}.
        </p>
        {guide.reviewDue && (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              Not reviewed for over a year: check it against the current tools before relying on it.
            </strong>
          </div>
        )}
        {guide.canEdit && (
          <p className="govuk-body">
            <Link className="govuk-button govuk-button--secondary govuk-!-margin-right-2" to={`/guides/${slug}/edit`}>
              Edit
            </Link>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void markReviewed()}>
              Mark as reviewed today
            </button>
          </p>
        )}
        {error && (
          <p className="govuk-error-message" role="alert">
            {error}
          </p>
        )}
        <MessageBodyView body={guide.body} className="app-guide__body" />
        {guide.sourceThread && (
          <p className="govuk-inset-text">
            Made from the discussion <Link className="govuk-link" to={`/threads/${guide.sourceThread.id}`}>{guide.sourceThread.title}</Link>.
          </p>
        )}
      </div>
      <div className="govuk-grid-column-one-third">
        {guide.links.length > 0 && (
          <>
            <h2 className="govuk-heading-s">For</h2>
            <ul className="govuk-list">
              {guide.links.map((l) => (
                <li key={`${l.type}:${l.id}`}>
                  <Link className="govuk-link" to={LINK[l.type](l.id)}>
                    {l.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <h2 className="govuk-heading-s">Revisions</h2>
        <ol className="govuk-list govuk-body-s">
          {guide.revisions.map((r) => (
            <li key={r.revision}>
              {r.revision}. {new Date(r.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} by {r.author?.displayName ?? 'a former member'}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
