import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { AnswerList, AnswerTargets } from '@commons/domain';
import { api, ApiError } from '../../api';

const TYPE = { idea: 'Idea', milestone: 'Milestone', release: 'Release' } as const;
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** "You said, we did" on a tool's or an initiative's page: what was asked, and the work that answered it. */
export function YouSaidWeDid({ tool, initiative }: { tool?: string; initiative?: string }) {
  const query = new URLSearchParams({ ...(tool && { tool }), ...(initiative && { initiative }) }).toString();
  const { data } = useQuery({ queryKey: ['answers', query], queryFn: () => api<AnswerList>('GET', `/api/answers?${query}`) });
  if (!data?.items.length) return null;
  return (
    <section aria-labelledby="you-said-we-did">
      <h2 className="govuk-heading-l" id="you-said-we-did">
        You said, we did
      </h2>
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">You said</th>
            <th scope="col" className="govuk-table__header">We did</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {data.items.map((a) => (
            <tr key={a.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                {a.asked.type === 'thread' && a.asked.url ? (
                  <Link className="govuk-link" to={a.asked.url}>
                    {a.asked.text}
                  </Link>
                ) : (
                  `“${a.asked.text}”`
                )}
              </td>
              <td className="govuk-table__cell">
                {TYPE[a.done.type]}:{' '}
                <Link className="govuk-link" to={a.done.url}>
                  {a.done.title}
                </Link>{' '}
                {a.done.done ? <strong className="govuk-tag govuk-tag--green">Done{a.toldAt ? `, ${day(a.toldAt)}` : ''}</strong> : <strong className="govuk-tag govuk-tag--grey">Under way</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** For moderators, maintainers and leaders: link this feedback or thread to the idea, milestone or release that answers it. */
export function LinkAnswer({ source }: { source: { type: 'feedback' | 'thread'; id: number } }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const { data } = useQuery({ queryKey: ['answers', 'targets'], queryFn: () => api<AnswerTargets>('GET', '/api/answers/targets'), enabled: open });
  const id = `answer-${source.type}-${source.id}`;

  async function save() {
    const [type, targetId] = target.split(':');
    if (!type) return setMessage({ error: true, text: 'Choose what answers it' });
    try {
      await api('POST', '/api/answers', { source, target: { type, id: Number(targetId) } });
      await queryClient.invalidateQueries({ queryKey: ['answers'] });
      const done = data?.items.find((t) => `${t.type}:${t.id}` === target)?.done;
      setMessage({ error: false, text: done ? 'Linked. It is done, so the people who asked have been told.' : 'Linked. The people who asked will be told when it is done.' });
    } catch (err) {
      setMessage({ error: true, text: err instanceof ApiError ? err.message : 'Something went wrong. Try again.' });
    }
  }

  if (!open) {
    return (
      <button type="button" className="govuk-link app-link-button" onClick={() => setOpen(true)}>
        Link to what answers it
      </button>
    );
  }
  return (
    <div className="govuk-form-group app-link-answer">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        What answers it
      </label>
      <div className="govuk-hint">Whoever asked is told when it is done (at once if it is done already).</div>
      {message && (
        <p className={message.error ? 'govuk-error-message' : 'govuk-body'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <select className="govuk-select" id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Choose</option>
        {(['idea', 'milestone', 'release'] as const).map((type) => (
          <optgroup key={type} label={`${TYPE[type]}s`}>
            {data?.items
              .filter((t) => t.type === type)
              .map((t) => (
                <option key={`${t.type}:${t.id}`} value={`${t.type}:${t.id}`}>
                  {t.title}
                  {t.done ? ' (done)' : ''}
                </option>
              ))}
          </optgroup>
        ))}
      </select>{' '}
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void save()}>
        Link
      </button>
    </div>
  );
}
