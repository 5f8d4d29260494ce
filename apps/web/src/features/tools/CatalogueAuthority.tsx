import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { AdoptionStatus, ToolSummary } from '@commons/domain';
import { api, ApiError } from '../../api';
import { keys } from '../../queryClient';
import { usePageTitle } from '../../usePageTitle';
import { NotFound } from '../../pages/NotFound';
import { ADOPTION_LABEL, StageTag } from './ToolCommon';

interface AuthorityTools {
  organisation: { id: number; name: string; region: string | null };
  items: { tool: ToolSummary; status: AdoptionStatus; updatedAt: string }[];
}

/** An authority's page: the tools it uses, pilots, is interested in or stopped using. */
export function CatalogueAuthority() {
  const { id = '' } = useParams();
  const { data, error } = useQuery({
    queryKey: keys.authorityTools(id),
    queryFn: () => api<AuthorityTools>('GET', `/api/organisations/${encodeURIComponent(id)}/tools`),
  });
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  usePageTitle(data?.organisation.name ?? 'Authority');

  if (missing) return <NotFound />;
  if (!data) return <p className="govuk-body" role="status">Loading…</p>;
  return (
    <>
      <h1 className="govuk-heading-xl govuk-!-margin-bottom-2">{data.organisation.name}</h1>
      {data.organisation.region && <p className="govuk-body-l">{data.organisation.region}</p>}
      {data.items.length === 0 ? (
        <p className="govuk-body">No tools recorded yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Tools</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Tool</th>
              <th scope="col" className="govuk-table__header">Stage</th>
              <th scope="col" className="govuk-table__header">This authority</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {data.items.map(({ tool, status }) => (
              <tr key={tool.slug} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/tools/${tool.slug}`}>
                    {tool.name}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  <StageTag stage={tool.stage} />
                </td>
                <td className="govuk-table__cell">{ADOPTION_LABEL[status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
