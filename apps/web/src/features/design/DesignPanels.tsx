import { useState } from 'react';
import type { DesignComment, DiffLine, Revision } from '@commons/domain';
import { api, ApiError } from '../../api';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A section's versions: name the current text, compare any two, restore one. */
export function Versions({ slug, sectionKey, title, canEdit }: { slug: string; sectionKey: string; title: string; canEdit: boolean }) {
  const base = `/api/tools/${slug}/design/sections/${sectionKey}`;
  const [items, setItems] = useState<Revision[]>();
  const [name, setName] = useState('');
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [diff, setDiff] = useState<{ lines: DiffLine[]; approximate: boolean }>();
  const [message, setMessage] = useState<string>();
  const load = () => api<{ items: Revision[] }>('GET', `${base}/revisions`).then(({ items }) => setItems(items), () => setItems([]));
  const fail = (e: unknown) => setMessage(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : 'Something went wrong');

  return (
    <details className="govuk-details" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && load()}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Versions of {title.toLowerCase()}</span>
      </summary>
      <div className="govuk-details__text">
        {message && <p className="govuk-error-message">{message}</p>}
        {canEdit && (
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor={`${sectionKey}-version-name`}>
              Name this version
            </label>
            <input className="govuk-input govuk-!-width-one-half" id={`${sectionKey}-version-name`} value={name} onChange={(e) => setName(e.target.value)} />{' '}
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => api<{ items: Revision[] }>('POST', `${base}/versions`, { name }).then(({ items }) => (setItems(items), setName(''), setMessage(undefined)), fail)}
            >
              Save version
            </button>
          </div>
        )}
        {!items ? (
          <p className="govuk-body">Loading…</p>
        ) : items.length === 0 ? (
          <p className="govuk-body">No versions yet: one is saved automatically after a pause in editing.</p>
        ) : (
          <>
            <ol className="govuk-list">
              {items.map((r) => (
                <li key={r.revision}>
                  <strong>{r.name ?? `Version ${r.revision}`}</strong> by {r.author?.displayName ?? 'a former member'}, {when(r.createdAt)}{' '}
                  {canEdit && (
                    <button type="button" className="app-link-button govuk-link" onClick={() => api('POST', `${base}/restore`, { revision: r.revision }).then(load, fail)}>
                      Restore<span className="govuk-visually-hidden"> version {r.revision}</span>
                    </button>
                  )}
                </li>
              ))}
            </ol>
            <div className="govuk-button-group">
              {(['From', 'To'] as const).map((which) => (
                <div className="govuk-form-group" key={which}>
                  <label className="govuk-label" htmlFor={`${sectionKey}-compare-${which}`}>
                    Compare {which.toLowerCase()}
                  </label>
                  <select className="govuk-select" id={`${sectionKey}-compare-${which}`} value={(which === 'From' ? from : to) ?? ''} onChange={(e) => (which === 'From' ? setFrom : setTo)(Number(e.target.value))}>
                    <option value="">Choose</option>
                    {items.map((r) => (
                      <option key={r.revision} value={r.revision}>
                        {r.name ?? `Version ${r.revision}`}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                disabled={!from || !to}
                onClick={() => api<{ diff: DiffLine[]; approximate?: boolean }>('GET', `${base}/compare?from=${from}&to=${to}`).then((c) => setDiff({ lines: c.diff, approximate: !!c.approximate }), fail)}
              >
                Compare
              </button>
            </div>
            {diff && (
              <>
                {diff.approximate && <p className="govuk-body-s">These versions differ too much to compare line by line quickly: every line is shown as replaced.</p>}
                <pre className="app-diff" aria-label={`Changes from version ${from} to ${to}`}>
                  {diff.lines.map((line, n) => (
                    <span key={n} className={`app-diff__${line.op}`}>
                      {line.op === 'added' ? '+ ' : line.op === 'removed' ? '- ' : '  '}
                      {line.text}
                      {'\n'}
                    </span>
                  ))}
                </pre>
              </>
            )}
          </>
        )}
      </div>
    </details>
  );
}

/** Comments on passages of a section: add, reply, resolve; they arrive live. */
export function Comments({
  slug,
  sectionKey,
  comments,
  canEdit,
  selection,
  onAdded,
}: {
  slug: string;
  sectionKey: string;
  comments: DesignComment[];
  canEdit: boolean;
  selection: { quote: string; anchor: { start: string; end: string } | null } | null;
  onAdded(c: DesignComment): void;
}) {
  const base = `/api/tools/${slug}/design/sections/${sectionKey}/comments`;
  const [draft, setDraft] = useState('');
  const [replies, setReplies] = useState<Record<number, string>>({});
  const [error, setError] = useState<string>();
  const fail = (e: unknown) => setError(e instanceof ApiError ? (Object.values(e.fields)[0] ?? e.message) : 'Something went wrong');
  const post = (body: string, parentId: number | null) =>
    api<{ comment: DesignComment }>('POST', base, { body, parentId, quote: parentId ? '' : (selection?.quote ?? ''), anchor: parentId ? null : (selection?.anchor ?? null) }).then(({ comment }) => {
      onAdded(comment);
      setError(undefined);
      return true;
    }, fail);
  const top = comments.filter((c) => c.parentId === null);

  return (
    <div className="app-design-comments">
      <h4 className="govuk-heading-s">Comments</h4>
      {error && <p className="govuk-error-message">{error}</p>}
      {top.length === 0 && <p className="govuk-body-s">No comments yet.</p>}
      <ul className="govuk-list">
        {top.map((c) => (
          <li key={c.id} className={c.resolved ? 'app-comment app-comment--resolved' : 'app-comment'}>
            {c.quote && <blockquote className="app-comment__quote">{c.quote}</blockquote>}
            <p className="govuk-body-s">
              <strong>{c.author?.displayName ?? 'A former member'}</strong>: {c.body} {c.resolved && <span className="govuk-tag govuk-tag--grey">Resolved</span>}
            </p>
            <ul className="govuk-list govuk-!-margin-left-4">
              {comments
                .filter((r) => r.parentId === c.id)
                .map((r) => (
                  <li key={r.id} className="govuk-body-s">
                    <strong>{r.author?.displayName ?? 'A former member'}</strong>: {r.body}
                  </li>
                ))}
            </ul>
            {canEdit && (
              <div className="govuk-button-group">
                <label className="govuk-visually-hidden" htmlFor={`reply-${c.id}`}>
                  Reply to {c.author?.displayName ?? 'this comment'}
                </label>
                <input className="govuk-input govuk-!-width-one-half" id={`reply-${c.id}`} placeholder="Reply" value={replies[c.id] ?? ''} onChange={(e) => setReplies({ ...replies, [c.id]: e.target.value })} />
                <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void post(replies[c.id] ?? '', c.id).then((ok) => ok && setReplies({ ...replies, [c.id]: '' }))}>
                  Reply
                </button>
                <button type="button" className="app-link-button govuk-link" onClick={() => api<{ comment: DesignComment }>('PUT', `${base}/${c.id}/resolved`, { resolved: !c.resolved }).then(({ comment }) => onAdded(comment), fail)}>
                  {c.resolved ? 'Reopen' : 'Resolve'}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor={`${sectionKey}-comment`}>
            {selection?.quote ? `Comment on “${selection.quote.slice(0, 60)}${selection.quote.length > 60 ? '…' : ''}”` : 'Comment on this section (select text first to comment on a passage)'}
          </label>
          <textarea className="govuk-textarea" id={`${sectionKey}-comment`} rows={2} value={draft} onChange={(e) => setDraft(e.target.value)} />
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void post(draft, null).then((ok) => ok && setDraft(''))}>
            Add comment
          </button>
        </div>
      )}
    </div>
  );
}
