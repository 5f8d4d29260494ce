import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { io, type Socket } from 'socket.io-client';
import type { DesignComment, DesignDocument, DesignSection } from '@commons/domain';
import { api, ApiError } from '../../api';
import { isModerator, useAuth } from '../../auth';
import { PersonalDataWarning } from '../../components/PersonalDataWarning';
import { NotFound } from '../../pages/NotFound';
import { usePageTitle } from '../../usePageTitle';
import { Comments, Versions } from './DesignPanels';
import { DesignEditor } from './DesignEditor';
import { encodePosition, useLiveSection } from './liveSection';
import './design.css';

/** The page's own socket: it joins every section again on each reconnection (and so merges offline edits). */
function useDesignSocket(ready: boolean): Socket | null {
  const [socket, setSocket] = useState<Socket | null>(null);
  useEffect(() => {
    if (!ready) return;
    const s = io({ path: '/socket.io', transports: ['websocket'] });
    setSocket(s);
    // The browser knows it is offline before the socket's heartbeat does: edits are kept locally meanwhile.
    const offline = () => s.disconnect();
    const online = () => s.connect();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      s.disconnect();
    };
  }, [ready]);
  return socket;
}

function LiveSectionView({ slug, socket, section, comments, onComment }: { slug: string; socket: Socket; section: DesignSection; comments: DesignComment[]; onComment(c: DesignComment): void }) {
  const { user } = useAuth();
  const me = user ? { id: user.id, displayName: user.displayName } : null;
  const live = useLiveSection(socket, slug, section.key, me, onComment);
  const [typed, setTyped] = useState('');
  const [selection, setSelection] = useState<{ quote: string; anchor: { start: string; end: string } | null } | null>(null);
  const id = `design-${section.key}`;
  const { state } = live;

  // The warning reads the text as it is now, whoever typed it.
  useEffect(() => {
    const update = () => setTyped(live.text.toString());
    update();
    live.text.observe(update);
    return () => live.text.unobserve(update);
  }, [live.text]);

  const onSelect = useCallback(
    ({ from, to }: { from: number; to: number }) => {
      if (from === to) return setSelection(null);
      setSelection({ quote: live.text.toString().slice(from, to), anchor: { start: encodePosition(live.text, from), end: encodePosition(live.text, to) } });
    },
    [live.text],
  );

  return (
    <section className="app-section app-design-section" aria-labelledby={`${id}-title`} data-key={section.key}>
      <h2 className="govuk-heading-m" id={`${id}-title`}>
        {section.title}
      </h2>
      {state.error && <p className="govuk-error-message">{state.error}</p>}
      {state.held && (
        <div className="govuk-inset-text">
          {state.editor
            ? 'This section’s saved text looked like personal data, so readers cannot see it until a moderator has checked it. Take the personal data out.'
            : 'This section is hidden while a moderator checks it.'}
          {isModerator(user) && (
            <>
              {' '}
              <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => void api('POST', `/api/tools/${slug}/design/sections/${section.key}/clear`).catch(() => undefined)}>
                Clear for readers
              </button>{' '}
              <Link className="govuk-link" to="/moderation/design">
                All held sections
              </Link>
            </>
          )}
        </div>
      )}
      {!state.joined && !state.error && <p className="govuk-body-s">Connecting… Anything you type is kept and sent when the connection is back.</p>}
      {state.editor || (user && !state.joined) ? (
        <>
          <DesignEditor text={live.text} awareness={live.awareness} label={section.title} describedBy={`${id}-warning`} onSelect={onSelect} />
          <PersonalDataWarning id={`${id}-warning`} text={typed} />
        </>
      ) : (
        <textarea className="govuk-textarea app-design-readonly" aria-label={section.title} readOnly rows={Math.min(12, Math.max(3, state.body.split('\n').length))} value={state.body} />
      )}
      <Versions slug={slug} sectionKey={section.key} title={section.title} canEdit={!!user} />
      <Comments slug={slug} sectionKey={section.key} comments={comments} canEdit={!!user} selection={selection} onAdded={onComment} />
    </section>
  );
}

/** `/tools/:slug/design`: the design document, written together live. */
export function DesignPage() {
  const { slug = '' } = useParams();
  const { user } = useAuth();
  const query = useQuery({
    queryKey: ['design-page', slug, user?.id ?? null],
    queryFn: async () => {
      const [{ tool }, design, { items }] = await Promise.all([
        api<{ tool: { name: string } }>('GET', `/api/tools/${slug}`),
        api<DesignDocument>('GET', `/api/tools/${slug}/design`),
        api<{ items: DesignComment[] }>('GET', `/api/tools/${slug}/design/comments`),
      ]);
      return { name: tool.name, sections: design.sections, comments: items };
    },
    enabled: user !== undefined,
  });
  const [comments, setComments] = useState<DesignComment[]>([]);
  useEffect(() => setComments(query.data?.comments ?? []), [query.data]);
  const onComment = useCallback((c: DesignComment) => setComments((all) => (all.some((x) => x.id === c.id) ? all.map((x) => (x.id === c.id ? c : x)) : [...all, c])), []);
  const socket = useDesignSocket(user !== undefined);
  usePageTitle(query.data ? `Design document: ${query.data.name}` : 'Design document');

  if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
  if (query.error) return <p className="govuk-body">{query.error.message}</p>;
  if (!query.data || !socket) return <p className="govuk-body">Loading…</p>;
  return (
    <>
      <Link to={`/tools/${slug}`} className="govuk-back-link">
        Back to {query.data.name}
      </Link>
      <h1 className="govuk-heading-l">Design document: {query.data.name}</h1>
      <p className="govuk-body">
        {user
          ? 'Everyone editing writes here at once: what you type appears for the others as you type it, with your name at your cursor. A version is saved after each pause; name one to mark it.'
          : 'You see this document change as its members write it. Sign in to write with them.'}
      </p>
      {query.data.sections.map((s) => (
        <LiveSectionView key={s.key} slug={slug} socket={socket} section={s} comments={comments.filter((c) => c.key === s.key)} onComment={onComment} />
      ))}
    </>
  );
}
