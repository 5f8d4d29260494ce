import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DecisionInput, ModerationState, type ModerationItem } from '@commons/domain';
import { topics, type EventEnvelope } from '@commons/realtime';
import { api, ApiError } from '../api';
import { isModerator, useAuth } from '../auth';
import { WarningText } from '../components/forms';
import { kindLabel } from '../personalData';
import { useTopic } from '../realtime';
import { usePageTitle } from '../usePageTitle';

type State = ModerationState;
type Decision = DecisionInput['decision'];
type Counts = Partial<Record<State, number>>;
interface Queue {
  items: ModerationItem[];
  counts: Counts;
  /** the moderation topic's seq when the page was read */
  seq: number;
}
interface AuditEntry {
  id: number;
  action: string;
  note: string | null;
  actor: { id: string; displayName: string } | null;
  at: string;
  before: Partial<ModerationItem> | null;
  after: Partial<ModerationItem> | null;
}

const PAGE_SIZE = 50;

const STATES: Record<State, { label: string; tag: string }> = {
  pending: { label: 'Pending check', tag: 'govuk-tag--grey' },
  held: { label: 'Held', tag: 'govuk-tag--red' },
  published: { label: 'Published', tag: 'govuk-tag--turquoise' },
  approved: { label: 'Approved', tag: 'govuk-tag--green' },
  redacted: { label: 'Redacted', tag: 'govuk-tag--purple' },
  rejected: { label: 'Rejected', tag: 'govuk-tag--pink' },
};
const OUTCOMES: Record<string, { label: string; tag: string }> = {
  personal_data: { label: 'Personal data', tag: 'govuk-tag--red' },
  abusive: { label: 'Abusive', tag: 'govuk-tag--orange' },
  spam: { label: 'Spam', tag: 'govuk-tag--yellow' },
};
const DECISIONS: Record<Decision, { label: string; done: string; button: string }> = {
  approve: { label: 'Approve', done: 'Approved', button: 'govuk-button' },
  redact: { label: 'Redact', done: 'Redacted', button: 'govuk-button govuk-button--secondary' },
  reject: { label: 'Reject', done: 'Rejected', button: 'govuk-button govuk-button--warning' },
};

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
function Time({ iso }: { iso: string }) {
  return <time dateTime={iso}>{when.format(new Date(iso))}</time>;
}

function StateTag({ state }: { state: State }) {
  const s = STATES[state];
  return <strong className={`govuk-tag ${s.tag}`}>{s.label}</strong>;
}

/** How far an item has come: a later version of an item never gives way to an earlier one. */
const progress = (item: ModerationItem) => (item.decidedAt ? 2 : 0) + (item.checkedAt ? 1 : 0);
const fresher = (known: ModerationItem | undefined, item: ModerationItem) => (!known || progress(item) >= progress(known) ? item : known);
const matches = (filter: State | null, item: ModerationItem) => filter === null || item.state === filter;

// ---------------------------------------------------------------------------------------------------
// The queue: every item seen (by id) and the ids this view lists. Live items join the view when they
// match the filter; an item that stops matching stays where it is, changed, rather than vanish while
// a moderator reads it.

interface QueueState {
  filter: State | null;
  byId: Map<number, ModerationItem>;
  view: number[];
  /** ids that arrived live, for a moment's highlight */
  fresh: Set<number>;
  counts: Counts;
  loading: boolean;
  error: string | null;
  /** the oldest id a page of the queue brought, and whether there may be more */
  oldest: number | null;
  more: boolean;
}

type Action =
  | { type: 'filter'; filter: State | null }
  | { type: 'loaded'; filter: State | null; queue: Queue; append: boolean }
  | { type: 'failed'; filter: State | null; error: string }
  | { type: 'counts'; counts: Counts }
  | { type: 'item'; item: ModerationItem; created?: boolean; live?: boolean };

const byNewest = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => b - a);

function reducer(s: QueueState, a: Action): QueueState {
  switch (a.type) {
    case 'filter':
      return { ...s, filter: a.filter, view: [], loading: true, error: null, oldest: null, more: false };
    case 'loaded': {
      if (a.filter !== s.filter) return s;
      const byId = new Map(s.byId);
      for (const item of a.queue.items) byId.set(item.id, fresher(byId.get(item.id), item));
      const ids = a.queue.items.map((i) => i.id);
      return {
        ...s,
        byId,
        // (union: live items that arrived while the page loaded may not be in it)
        view: byNewest([...s.view, ...ids]),
        counts: a.queue.counts,
        loading: false,
        error: null,
        oldest: ids.length ? Math.min(...ids, s.oldest ?? Infinity) : s.oldest,
        more: a.queue.items.length >= PAGE_SIZE,
      };
    }
    case 'failed':
      return a.filter === s.filter ? { ...s, loading: false, error: a.error } : s;
    case 'counts':
      return { ...s, counts: a.counts };
    case 'item': {
      const known = s.byId.get(a.item.id);
      const item = fresher(known, a.item);
      if (item === known) return s;
      const byId = new Map(s.byId).set(item.id, item);
      const counts = { ...s.counts };
      const from = known?.state ?? (a.created ? null : undefined);
      if (from !== undefined && from !== item.state) {
        if (from) counts[from] = Math.max(0, (counts[from] ?? 0) - 1);
        counts[item.state] = (counts[item.state] ?? 0) + 1;
      }
      const listed = s.view.includes(item.id);
      const view = listed || !matches(s.filter, item) ? s.view : byNewest([item.id, ...s.view]);
      const fresh = a.live && a.created ? new Set(s.fresh).add(item.id) : s.fresh;
      return { ...s, byId, view, counts, fresh };
    }
  }
}

const initial = (filter: State | null): QueueState => ({
  filter,
  byId: new Map(),
  view: [],
  fresh: new Set(),
  counts: {},
  loading: true,
  error: null,
  oldest: null,
  more: false,
});

function queuePath(filter: State | null, before?: number | null, limit = PAGE_SIZE) {
  const q = new URLSearchParams();
  if (filter) q.set('state', filter);
  q.set('limit', String(limit));
  if (before) q.set('before', String(before));
  return `/api/moderation/queue?${q}`;
}

/** The latest copy of one item. */
async function fetchItem(id: number): Promise<ModerationItem | undefined> {
  return (await api<{ item: ModerationItem }>('GET', `/api/moderation/items/${id}`)).item;
}

// ---------------------------------------------------------------------------------------------------

/** The text with each finding in a <mark>, labelled with its kind. */
function Highlighted({ text, findings }: { text: string; findings: ModerationItem['findings'] }) {
  const parts: ReactNode[] = [];
  let pos = 0;
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  for (const [i, f] of sorted.entries()) {
    let { start, end } = f;
    // Trust the offsets only when they point at the text found; otherwise look for the text itself.
    if (text.slice(start, end) !== f.text) {
      start = f.text ? text.indexOf(f.text, pos) : -1;
      end = start + f.text.length;
    }
    if (start < pos || end <= start || end > text.length) continue;
    if (start > pos) parts.push(text.slice(pos, start));
    parts.push(
      <mark key={i} className="app-finding" data-kind={f.kind} title={kindLabel(f.kind)}>
        {text.slice(start, end)}
        <span className="app-finding__kind">
          <span className="govuk-visually-hidden"> (looks like </span>
          {kindLabel(f.kind)}
          <span className="govuk-visually-hidden">)</span>
        </span>
      </mark>,
    );
    pos = end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}

function AuditTrail({ itemId, version }: { itemId: number; version: string }) {
  const [entries, setEntries] = useState<AuditEntry[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    api<{ items: AuditEntry[] }>('GET', `/api/moderation/items/${itemId}/audit`)
      .then(({ items }) => current && setEntries(items))
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [itemId, version]);

  if (error) return <p className="govuk-body">The audit trail could not be loaded. {error}</p>;
  if (!entries) return <p className="govuk-body">Loading the audit trail…</p>;
  if (entries.length === 0) return <p className="govuk-body">No one has decided this item yet.</p>;
  return (
    <table className="govuk-table app-audit">
      <caption className="govuk-table__caption govuk-table__caption--s">Audit trail</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            When
          </th>
          <th scope="col" className="govuk-table__header">
            Who
          </th>
          <th scope="col" className="govuk-table__header">
            What
          </th>
          <th scope="col" className="govuk-table__header">
            Note
          </th>
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
                {DECISIONS[e.action as Decision]?.done ?? e.action}
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

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Item({ item, fresh, onItem }: { item: ModerationItem; fresh: boolean; onItem(item: ModerationItem): void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [auditOpen, setAuditOpen] = useState(false);
  const { content } = item;
  const findingsIn = (field: string) => item.findings.filter((f) => f.field === field);
  const heading = `item-${item.id}-heading`;
  const decided = item.decidedAt !== null;

  async function decide(decision: Decision) {
    if (busy) return;
    const parsed = DecisionInput.safeParse({ decision, note: note.trim() ? note : undefined });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the note');
    setBusy(decision);
    setError(null);
    try {
      const { item: after } = await api<{ item: ModerationItem }>('POST', `/api/moderation/items/${item.id}/decision`, parsed.data);
      onItem(after);
      setNote('');
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The decision could not be saved. Try again.');
      // Someone else decided first: show what they decided.
      if (err instanceof ApiError && err.status === 409) {
        const latest = await fetchItem(item.id).catch(() => undefined);
        if (latest) onItem(latest);
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <li className={`app-item${fresh ? ' app-item--new' : ''}`} aria-labelledby={heading} data-item-id={item.id} data-state={item.state}>
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2" id={heading}>
        {item.subjectType === 'message' ? 'Message in ' : 'Feedback on '}
        <a className="govuk-link app-item__page" href={content.page}>
          {content.page}
        </a>
        <span className="govuk-visually-hidden">, item {item.id}</span>
      </h2>
      <p className="govuk-body app-item__tags">
        <StateTag state={item.state} />
        {item.outcome && OUTCOMES[item.outcome] && (
          <strong className={`govuk-tag ${OUTCOMES[item.outcome].tag}`}>{OUTCOMES[item.outcome].label}</strong>
        )}
        <span className="govuk-body-s app-item__when">
          Received <Time iso={item.createdAt} />
        </span>
      </p>

      {item.state === 'redacted' && item.redacted ? (
        <>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Published, redacted</h3>
          <p className="govuk-body app-item__text">{item.redacted.summary}</p>
          {item.redacted.details && <p className="govuk-body app-item__text">{item.redacted.details}</p>}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Show the original text</span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body app-item__text">
                <Highlighted text={content.summary} findings={findingsIn('summary')} />
              </p>
              {content.details && (
                <p className="govuk-body app-item__text">
                  <Highlighted text={content.details} findings={findingsIn('details')} />
                </p>
              )}
            </div>
          </details>
        </>
      ) : (
        <>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{item.subjectType === 'message' ? 'Message' : 'Summary'}</h3>
          <p className="govuk-body app-item__text">
            <Highlighted text={content.summary} findings={findingsIn('summary')} />
          </p>
          {content.details && (
            <>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Details</h3>
              <p className="govuk-body app-item__text">
                <Highlighted text={content.details} findings={findingsIn('details')} />
              </p>
            </>
          )}
        </>
      )}

      <dl className="govuk-summary-list govuk-summary-list--no-border app-item__facts">
        {content.author && <Row label="Author">{content.author.displayName}</Row>}
        {item.flags.map((flag, i) => (
          <Row key={i} label="Flagged">
            {flag.reason.replace('_', ' ')} by {flag.by.displayName}
            {flag.note ? `: ${flag.note}` : ''}
          </Row>
        ))}
        {content.role && <Row label="Role">{content.role}</Row>}
        {item.subjectType === 'feedback' && <Row label="Nature">{content.nature ?? 'Not given'}</Row>}
        {content.organisation && <Row label="Organisation">{content.organisation}</Row>}
        {content.email && <Row label="Email">{content.email}</Row>}
      </dl>

      {decided ? (
        <p className="govuk-body app-item__decision">
          {item.decision ? DECISIONS[item.decision].done : STATES[item.state].label}
          {item.decidedBy && ` by ${item.decidedBy.displayName}`}
          {item.decidedAt && (
            <>
              , <Time iso={item.decidedAt} />
            </>
          )}
          .{item.note && <> Note: “{item.note}”</>}
        </p>
      ) : (
        <div className="app-item__actions">
          <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
            <label className="govuk-label govuk-label--s" htmlFor={`item-${item.id}-note`}>
              Note (optional)
            </label>
            {error && (
              <p className="govuk-error-message" id={`item-${item.id}-error`}>
                <span className="govuk-visually-hidden">Error:</span> {error}
              </p>
            )}
            <textarea
              className="govuk-textarea app-item__note"
              id={`item-${item.id}-note`}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby={error ? `item-${item.id}-error` : undefined}
            />
          </div>
          <div className="govuk-button-group">
            {(Object.keys(DECISIONS) as Decision[]).map((d) => (
              <button key={d} type="button" className={DECISIONS[d].button} aria-disabled={busy !== null || undefined} onClick={() => decide(d)}>
                {busy === d ? `${DECISIONS[d].label}…` : DECISIONS[d].label}
                <span className="govuk-visually-hidden"> feedback item {item.id}</span>
              </button>
            ))}
          </div>
        </div>
      )}
      {decided && error && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}

      <button
        type="button"
        className="govuk-link app-link-button app-item__audit-toggle"
        aria-expanded={auditOpen}
        aria-controls={`item-${item.id}-audit`}
        onClick={() => setAuditOpen((o) => !o)}
      >
        {auditOpen ? 'Hide audit trail' : 'Show audit trail'}
        <span className="govuk-visually-hidden"> of feedback item {item.id}</span>
      </button>
      <div id={`item-${item.id}-audit`}>{auditOpen && <AuditTrail itemId={item.id} version={`${item.checkedAt}|${item.decidedAt}`} />}</div>
    </li>
  );
}

// ---------------------------------------------------------------------------------------------------

function parseFilter(value: string | null): State | null {
  const parsed = ModerationState.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function describe(item: ModerationItem): string {
  const on = `${item.subjectType === 'message' ? 'Message in' : 'Feedback on'} ${item.content.page}`;
  if (item.decidedAt) return `${on} ${DECISIONS[item.decision!]?.done.toLowerCase() ?? item.state}${item.decidedBy ? ` by ${item.decidedBy.displayName}` : ''}`;
  if (item.state === 'held') return `${on} held${item.outcome && OUTCOMES[item.outcome] ? `: ${OUTCOMES[item.outcome].label.toLowerCase()}` : ''}`;
  return `${on} ${STATES[item.state].label.toLowerCase()}`;
}

function Console() {
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get('state'));
  const [s, dispatch] = useReducer(reducer, filter, initial);
  const [unseen, setUnseen] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  usePageTitle(unseen > 0 ? `(${unseen}) Moderation` : 'Moderation');

  // Counts of items outside this view cannot be kept locally: ask again, at most once a second.
  const countsTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const refreshCounts = useCallback(() => {
    if (countsTimer.current) return;
    countsTimer.current = setTimeout(() => {
      api<Queue>('GET', queuePath(null, null, 1))
        .then(({ counts }) => dispatch({ type: 'counts', counts }))
        .catch(() => undefined)
        .finally(() => (countsTimer.current = undefined));
    }, 1000);
  }, []);
  useEffect(
    () => () => {
      clearTimeout(countsTimer.current);
      countsTimer.current = undefined;
    },
    [],
  );

  // The first page read says where the live topic starts (its seq), so nothing falls in between;
  // later reads (other filters, older pages) merge with what arrived live.
  const [since, setSince] = useState<number | null>(null);
  const liveError = useTopic(since === null ? null : topics.moderation, (event: EventEnvelope) => {
    if (event.type !== 'moderation.item.created' && event.type !== 'moderation.item.updated') return;
    const item = event.payload as ModerationItem;
    const created = event.type === 'moderation.item.created';
    dispatch({ type: 'item', item, created, live: true });
    refreshCounts();
    if (created && document.hidden) setUnseen((n) => n + 1);
    setAnnouncement(created ? `New ${item.subjectType === 'message' ? 'message' : 'feedback'} on ${item.content.page}` : describe(item));
  }, since ?? undefined);

  useEffect(() => {
    const seen = () => !document.hidden && setUnseen(0);
    document.addEventListener('visibilitychange', seen);
    return () => document.removeEventListener('visibilitychange', seen);
  }, []);

  const load = useCallback((f: State | null, before?: number | null) => {
    let current = true;
    api<Queue>('GET', queuePath(f, before))
      .then((queue) => {
        if (!current) return;
        setSince((seen) => seen ?? queue.seq);
        dispatch({ type: 'loaded', filter: f, queue, append: !!before });
      })
      .catch((e: Error) => current && dispatch({ type: 'failed', filter: f, error: e.message }));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    dispatch({ type: 'filter', filter });
    return load(filter);
  }, [filter, load]);

  const total = Object.values(s.counts).reduce((a, b) => a + (b ?? 0), 0);
  const items = s.view.map((id) => s.byId.get(id)!).filter(Boolean);
  const filterLinks: { value: State | null; label: string; n: number }[] = [
    { value: null, label: 'All', n: total },
    ...(Object.keys(STATES) as State[]).map((st) => ({ value: st, label: STATES[st].label, n: s.counts[st] ?? 0 })),
  ];

  return (
    <>
      <h1 className="govuk-heading-xl">Moderation</h1>
      <p className="govuk-body-l">
        Feedback appears here the moment it is sent, before the automatic check. Nothing is public until it is published,
        approved or redacted.
      </p>
      {liveError && (
        <WarningText>
          Live updates are not available ({liveError}). Reload the page to see new feedback.
        </WarningText>
      )}

      <nav aria-label="Filter by state" className="app-filter">
        <ul className="app-filter__list">
          {filterLinks.map(({ value, label, n }) => {
            const active = value === filter;
            return (
              <li key={label} className={`app-filter__item${active ? ' app-filter__item--active' : ''}`}>
                <Link
                  className="govuk-link govuk-link--no-visited-state"
                  to={value ? `?state=${value}` : '?'}
                  aria-current={active ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    setParams(value ? { state: value } : {});
                  }}
                >
                  {label}
                  <span className="govuk-visually-hidden">: </span>
                  <span className="app-filter__count" data-state={value ?? 'all'}>
                    {n}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="govuk-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>

      {s.error ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">The queue could not be loaded. {s.error}</p>
        </div>
      ) : s.loading && items.length === 0 ? (
        <p className="govuk-body">Loading the queue…</p>
      ) : items.length === 0 ? (
        <p className="govuk-body">
          {filter ? `Nothing is ${STATES[filter].label.toLowerCase()} right now.` : 'There is no feedback yet.'} New feedback will appear here
          as it arrives.
        </p>
      ) : (
        <ol className="app-queue" aria-label="Moderation queue, newest first">
          {items.map((item) => (
            <Item key={item.id} item={item} fresh={s.fresh.has(item.id)} onItem={(i) => dispatch({ type: 'item', item: i })} />
          ))}
        </ol>
      )}
      {s.more && s.oldest && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => load(filter, s.oldest)}>
          Show older items
        </button>
      )}
    </>
  );
}

function NeedModerator({ signedIn }: { signedIn: boolean }) {
  usePageTitle('You need to be a moderator');
  return (
    <>
      <h1 className="govuk-heading-l">You need to be a moderator</h1>
      <p className="govuk-body">Only moderators can see the moderation queue, because new feedback may hold personal details.</p>
      {signedIn ? (
        <p className="govuk-body">If you should be a moderator, ask an admin to give you the role.</p>
      ) : (
        <p className="govuk-body">
          If you are a moderator,{' '}
          <Link className="govuk-link" to="/sign-in">
            sign in
          </Link>
          .
        </p>
      )}
    </>
  );
}

export function Moderation() {
  const { user } = useAuth();
  if (user === undefined) {
    return <p className="govuk-body">Loading…</p>;
  }
  if (!isModerator(user)) return <NeedModerator signedIn={user !== null} />;
  return <Console />;
}
