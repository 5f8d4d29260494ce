import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { kindLabel, type HeldSections as Held } from '@commons/domain';
import { api } from '../../api';
import { isModerator, useAuth } from '../../auth';
import { usePageTitle } from '../../usePageTitle';

/** `/moderation/design`: design sections held for personal data, for moderators to check and clear. */
export function HeldSections() {
  usePageTitle('Held design sections');
  const { user } = useAuth();
  const client = useQueryClient();
  const query = useQuery({ queryKey: ['held-design-sections'], queryFn: () => api<Held>('GET', '/api/moderation/design-sections'), enabled: isModerator(user) });
  if (user !== undefined && !isModerator(user)) return <p className="govuk-body">Only moderators can see this page.</p>;
  if (!query.data) return <p className="govuk-body">Loading…</p>;
  return (
    <>
      <h1 className="govuk-heading-l">Held design sections</h1>
      <p className="govuk-body">
        A design section whose saved text looked like personal data is hidden from readers until you clear it. Open it, check the text (its writers are asked to
        take the personal data out), then clear it.
      </p>
      {query.data.items.length === 0 ? (
        <p className="govuk-body">No section is held.</p>
      ) : (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th className="govuk-table__header">Section</th>
              <th className="govuk-table__header">Found</th>
              <th className="govuk-table__header">Held since</th>
              <th className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {query.data.items.map((s) => (
              <tr className="govuk-table__row" key={`${s.slug}#${s.key}`}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/tools/${s.slug}/design`}>
                    {s.toolName}: {s.title}
                  </Link>
                </td>
                <td className="govuk-table__cell">{s.kinds.map(kindLabel).join(', ')}</td>
                <td className="govuk-table__cell">{new Date(s.heldAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td className="govuk-table__cell">
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                    onClick={() => void api('POST', `/api/tools/${s.slug}/design/sections/${s.key}/clear`).then(() => client.invalidateQueries({ queryKey: ['held-design-sections'] }))}
                  >
                    Clear<span className="govuk-visually-hidden"> {s.title.toLowerCase()} of {s.toolName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
