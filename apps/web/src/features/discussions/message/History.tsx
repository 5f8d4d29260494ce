import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api';
import { keys } from '../../../queryClient';
import { Time, type Person } from '../common';
import { MessageBodyView } from './MessageBody';

interface Revision {
  body: string;
  replacedAt: string;
  replacedBy: Person;
}

/** A message's earlier versions; `version` (its editedAt) changes when there is a new one. */
export function History({ messageId, version }: { messageId: number; version: string | null }) {
  const { data: items, error } = useQuery({
    queryKey: keys.revisions(messageId, version),
    queryFn: () => api<{ items: Revision[] }>('GET', `/api/messages/${messageId}/revisions`).then((r) => r.items),
  });
  if (error) return <p className="govuk-body-s">The history could not be loaded. {error.message}</p>;
  if (!items) return <p className="govuk-body-s">Loading the history…</p>;
  if (items.length === 0) return <p className="govuk-body-s">No earlier versions.</p>;
  return (
    <ol className="app-message__history" aria-label="Earlier versions, newest first">
      {[...items].reverse().map((r, i) => (
        <li key={i}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            Replaced <Time iso={r.replacedAt} /> by {r.replacedBy.displayName}
          </p>
          <MessageBodyView body={r.body} className="app-message__body app-message__body--old" />
        </li>
      ))}
    </ol>
  );
}
