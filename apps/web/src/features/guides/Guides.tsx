import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { GuideList, GuideSummary } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { usePageTitle } from '../../usePageTitle';

export const reviewedOn = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

function GuideItem({ guide, level = 2 }: { guide: GuideSummary; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li className="govuk-!-margin-bottom-4">
      <Heading className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link className="govuk-link" to={`/guides/${guide.slug}`}>
          {guide.title}
        </Link>
      </Heading>
      <p className="govuk-body govuk-!-margin-bottom-1">{guide.summary}</p>
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        Last reviewed {reviewedOn(guide.lastReviewedOn)}
        {guide.reviewDue && <strong className="govuk-tag govuk-tag--orange govuk-!-margin-left-2">Review due</strong>}
      </p>
    </li>
  );
}

/** Advice given once and pointed to: every guide. */
export function Guides() {
  usePageTitle('Guides');
  const { user } = useAuth();
  const { data, error } = useQuery({ queryKey: ['guides', 'list', '', user?.id ?? null], queryFn: () => api<GuideList>('GET', '/api/guides') });
  return (
    <>
      <h1 className="govuk-heading-xl">Guides</h1>
      <p className="govuk-body-l">Advice on good practice with the shared tools and data, written once by the people who maintain them.</p>
      {data?.canWrite && (
        <p className="govuk-body">
          <Link className="govuk-button govuk-button--secondary" to="/guides/new">
            Write a guide
          </Link>
        </p>
      )}
      {user && data && !data.canWrite && <p className="govuk-body govuk-hint">Guides are written by moderators, tool maintainers and initiative leaders.</p>}
      {error ? (
        <p className="govuk-body">The guides could not be loaded. {error.message}</p>
      ) : !data ? (
        <p className="govuk-body" role="status">Loading…</p>
      ) : data.items.length === 0 ? (
        <p className="govuk-body">No guides yet.</p>
      ) : (
        <ul className="govuk-list">
          {data.items.map((g) => (
            <GuideItem key={g.slug} guide={g} />
          ))}
        </ul>
      )}
    </>
  );
}

/** The guides linked to a tool or an initiative, for its page. */
export function GuidesFor({ tool, initiative }: { tool?: string; initiative?: string }) {
  const query = new URLSearchParams({ ...(tool && { tool }), ...(initiative && { initiative }) }).toString();
  const { data } = useQuery({ queryKey: ['guides', 'list', query], queryFn: () => api<GuideList>('GET', `/api/guides?${query}`) });
  if (!data?.items.length) return null;
  return (
    <section aria-labelledby="guides-heading">
      <h2 className="govuk-heading-l" id="guides-heading">
        Guides
      </h2>
      <ul className="govuk-list">
        {data.items.map((g) => (
          <GuideItem key={g.slug} guide={g} level={3} />
        ))}
      </ul>
    </section>
  );
}
