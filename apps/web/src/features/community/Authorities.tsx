import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { Authority, AuthorityList } from '@commons/domain';
import { api } from '../../api';
import { usePageTitle } from '../../usePageTitle';

/** The 153 local authorities by region, with their codes and the tools each uses or pilots. */
export function Authorities() {
  usePageTitle('Local authorities');
  const [filter, setFilter] = useState('');
  const { data, error } = useQuery({ queryKey: ['authorities'], queryFn: () => api<AuthorityList>('GET', '/api/authorities') });
  const regions = useMemo(() => {
    const wanted = filter.trim().toLowerCase();
    const byRegion = new Map<string, Authority[]>();
    for (const a of data?.items ?? []) {
      if (wanted && !`${a.name} ${a.laCode ?? ''} ${a.onsCode ?? ''}`.toLowerCase().includes(wanted)) continue;
      const region = a.region ?? 'No region';
      byRegion.set(region, [...(byRegion.get(region) ?? []), a]);
    }
    return [...byRegion];
  }, [data, filter]);
  const shown = regions.reduce((n, [, list]) => n + list.length, 0);

  return (
    <>
      <h1 className="govuk-heading-xl">Local authorities</h1>
      <p className="govuk-body-l">England’s local authorities with children’s services, and the shared tools each one uses or pilots.</p>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor="authority-filter">
          Find an authority by name or code
        </label>
        <input className="govuk-input govuk-input--width-20" id="authority-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {error ? (
        <p className="govuk-body">The authorities could not be loaded. {error.message}</p>
      ) : !data ? (
        <p className="govuk-body" role="status">Loading…</p>
      ) : (
        <>
          <p className="govuk-body" role="status">
            {shown === data.items.length ? `${data.items.length} local authorities` : `${shown} of ${data.items.length} local authorities`}
          </p>
          {regions.map(([region, list]) => (
            <table key={region} className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {region} ({list.length})
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Authority</th>
                  <th scope="col" className="govuk-table__header">DfE code</th>
                  <th scope="col" className="govuk-table__header">ONS code</th>
                  <th scope="col" className="govuk-table__header">Uses or pilots</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {list.map((a) => (
                  <tr key={a.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/authorities/${a.id}`}>
                        {a.name}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">{a.laCode}</td>
                    <td className="govuk-table__cell">{a.onsCode}</td>
                    <td className="govuk-table__cell">
                      {a.uses.length === 0
                        ? 'None recorded'
                        : a.uses.map((u, i) => (
                            <span key={u.slug}>
                              {i > 0 && ', '}
                              <Link className="govuk-link" to={`/tools/${u.slug}`}>
                                {u.name}
                              </Link>
                              {u.status === 'pilots' && ' (pilot)'}
                            </span>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </>
      )}
    </>
  );
}
