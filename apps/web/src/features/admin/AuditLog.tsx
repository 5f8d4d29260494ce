import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditAction, type AuditEntry, type AuditList } from '@commons/domain';
import { useState } from 'react';
import { api } from '../../api';
import { AdminScreen, when } from './AdminCommon';

const LABEL: Record<AuditAction, string> = {
  'user.roles.changed': 'Roles changed',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled',
  'organisation.domain.added': 'Domain added',
  'organisation.domain.confirmed': 'Domain confirmed',
  'organisation.domain.unconfirmed': 'Domain marked unconfirmed',
  'organisation.domain.removed': 'Domain removed',
  'tool.access.changed': 'Tool access changed',
};

/** What the change was, in words. */
function detail(e: AuditEntry): string {
  const d = e.detail as Record<string, unknown>;
  if (e.action === 'user.roles.changed') return `${(d.from as string[]).join(', ')} → ${(d.to as string[]).join(', ')}`;
  if (e.action === 'tool.access.changed') return `${d.from === 'public' ? 'everyone' : 'local authority staff only'} → ${d.to === 'public' ? 'everyone' : 'local authority staff only'}`;
  if (typeof d.domain === 'string') return d.domain;
  return '';
}

/** /admin/audit: every change admins made (roles, disabled accounts, domains) and every tool access change, newest first. */
export function AuditLog() {
  const [action, setAction] = useState('');
  const query = useInfiniteQuery({
    queryKey: ['admin', 'audit', action],
    queryFn: ({ pageParam }) => api<AuditList>('GET', `/api/admin/audit?${new URLSearchParams({ limit: '50', ...(action && { action }), ...(pageParam && { before: String(pageParam) }) })}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.hasMore ? last.items.at(-1)!.id : undefined),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <AdminScreen title="Audit log">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="audit-action">
          Show
        </label>
        <select className="govuk-select" id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">Every change</option>
          {AuditAction.options.map((a) => (
            <option key={a} value={a}>
              {LABEL[a]}
            </option>
          ))}
        </select>
      </div>
      {!query.data ? (
        <p className="govuk-body" role="status">Loading…</p>
      ) : items.length === 0 ? (
        <p className="govuk-body">Nothing yet.</p>
      ) : (
        <table className="govuk-table" data-testid="audit">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['When', 'Who', 'What', 'About', 'Change'].map((h) => (
                <th key={h} scope="col" className="govuk-table__header">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((e) => (
              <tr key={e.id} className="govuk-table__row">
                <td className="govuk-table__cell govuk-body-s">{when(e.at)}</td>
                <td className="govuk-table__cell">{e.actor?.displayName ?? 'Deleted user'}</td>
                <td className="govuk-table__cell">{LABEL[e.action as AuditAction] ?? e.action}</td>
                <td className="govuk-table__cell">{e.targetName ?? `${e.targetType} ${e.targetId}`}</td>
                <td className="govuk-table__cell govuk-body-s">{detail(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {query.hasNextPage && (
        <button type="button" className="govuk-button govuk-button--secondary" aria-disabled={query.isFetchingNextPage || undefined} onClick={() => !query.isFetchingNextPage && void query.fetchNextPage()}>
          Older changes
        </button>
      )}
    </AdminScreen>
  );
}
