import { useQuery } from '@tanstack/react-query';
import type { ModerationItem } from '@commons/domain';
import { api } from '../../api';
import { keys } from '../../queryClient';
import { ACTIONS, DECISIONS, STATES, Time, type Decision } from './labels';

interface AuditEntry {
  id: number;
  action: string;
  note: string | null;
  actor: { id: string; displayName: string } | null;
  at: string;
  before: Partial<ModerationItem> | null;
  after: Partial<ModerationItem> | null;
}

/** Who did what to an item, looking at its original included. `version` changes when it should reload. */
export function AuditTrail({ itemId, version }: { itemId: number; version: string }) {
  const { data: entries, error } = useQuery({
    queryKey: keys.audit(itemId, version),
    queryFn: () => api<{ items: AuditEntry[] }>('GET', `/api/moderation/items/${itemId}/audit`).then((r) => r.items),
    // looking at an original is itself audited: read it afresh each time it is opened
    staleTime: 0,
    gcTime: 0,
  });

  if (error) return <p className="govuk-body">The audit trail could not be loaded. {error.message}</p>;
  if (!entries) return <p className="govuk-body">Loading the audit trail…</p>;
  if (entries.length === 0) return <p className="govuk-body">No one has decided this item or looked at its original yet.</p>;
  return (
    <table className="govuk-table app-audit">
      <caption className="govuk-table__caption govuk-table__caption--s">Audit trail</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {['When', 'Who', 'What', 'Note'].map((h) => (
            <th key={h} scope="col" className="govuk-table__header">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {entries.map((e) => {
          const from = e.before?.state;
          const to = e.after?.state;
          return (
            <tr key={e.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Time iso={e.at} />
              </td>
              <td className="govuk-table__cell">{e.actor?.displayName ?? 'Automatic check'}</td>
              <td className="govuk-table__cell">
                {DECISIONS[e.action as Decision]?.done ?? ACTIONS[e.action] ?? e.action}
                {from && to && from !== to && (
                  <span className="govuk-body-s app-audit__change">
                    {' '}
                    ({STATES[from]?.label ?? from} → {STATES[to]?.label ?? to})
                  </span>
                )}
              </td>
              <td className="govuk-table__cell">{e.note ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
