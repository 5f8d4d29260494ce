import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Notification } from '@commons/domain';
import { topics } from '@commons/realtime';
import { api } from '../api';
import { useAuth } from '../auth';
import { useTopic } from '../realtime';
import { usePageTitle } from '../usePageTitle';
import { SignInPrompt } from '../components/SignInPrompt';

interface Inbox {
  items: Notification[];
  unread: number;
  markRead(ids?: number[]): Promise<void>;
}

const InboxContext = createContext<Inbox>({ items: [], unread: 0, markRead: async () => {} });

/** One inbox for the whole page: the header's count and the notifications page stay in step, live. */
export function InboxProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [items, setItems] = useState<Notification[]>([]);
  const [unread, setUnread] = useState(0);
  // Where the inbox was read up to: the live subscription starts there, so nothing falls in between.
  const [seq, setSeq] = useState<number | null>(null);
  const known = useRef(new Set<number>());
  // The inbox is the account's: a refresh of the same user (a role change) must not empty and reload it.
  const userId = user?.id;

  useEffect(() => {
    setItems([]);
    setUnread(0);
    setSeq(null);
    if (!userId) return;
    let current = true;
    api<{ items: Notification[]; unread: number; seq: number }>('GET', '/api/notifications?limit=50')
      .then((inbox) => {
        if (!current) return;
        known.current = new Set(inbox.items.map((n) => n.id));
        setItems(inbox.items);
        setUnread(inbox.unread);
        setSeq(inbox.seq);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [userId]);

  useTopic(
    userId && seq !== null ? topics.user(userId) : null,
    (event) => {
      if (event.type !== 'notification.created') return;
      const n = event.payload as Omit<Notification, 'readAt'>;
      // Listed by the HTTP read and replayed too when it committed in between: count it once.
      if (known.current.has(n.id)) return;
      known.current.add(n.id);
      setItems((list) => [{ ...n, readAt: null }, ...list]);
      setUnread((u) => u + 1);
    },
    seq ?? undefined,
  );

  const markRead = useCallback(async (ids?: number[]) => {
    const { unread: left } = await api<{ unread: number }>('POST', '/api/notifications/read', ids ? { ids } : {});
    const now = new Date().toISOString();
    setItems((current) => current.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)));
    setUnread(left);
  }, []);

  return <InboxContext.Provider value={{ items, unread, markRead }}>{children}</InboxContext.Provider>;
}

export const useInbox = () => useContext(InboxContext);

/** The header link with the live unread count. */
export function NotificationsLink() {
  const { unread } = useInbox();
  return (
    <Link className="govuk-service-navigation__link" to="/notifications" data-testid="notifications-link">
      Notifications
      {unread > 0 && (
        <span className="app-unread-badge" data-testid="notifications-unread">
          {unread > 99 ? '99+' : unread}
          <span className="govuk-visually-hidden"> unread</span>
        </span>
      )}
    </Link>
  );
}

export function Notifications() {
  const { user } = useAuth();
  const { items, unread, markRead } = useInbox();
  usePageTitle('Notifications');
  if (user === undefined) return null; // still finding out who is signed in
  if (user === null) {
    return <SignInPrompt heading="Notifications" what="see your notifications" />;
  }
  return (
    <>
      <h1 className="govuk-heading-l">Notifications</h1>
      <p className="govuk-body">
        {unread ? `${unread} unread` : 'Nothing unread.'}{' '}
        <Link className="govuk-link govuk-!-margin-left-2" to="/settings/notifications">
          Notification settings
        </Link>
      </p>
      {unread > 0 && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void markRead()}>
          Mark all as read
        </button>
      )}
      <ul className="govuk-list govuk-list--spaced">
        {items.map((n) => (
          <li key={n.id} data-notification-id={n.id}>
            {n.readAt === null && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-right-2">New</strong>}
            {n.url ? (
              <Link className="govuk-link" to={n.url} onClick={() => void markRead([n.id])}>
                {n.title}
              </Link>
            ) : (
              <span>{n.title}</span>
            )}{' '}
            <span className="govuk-body-s govuk-!-margin-left-1">{new Date(n.createdAt).toLocaleString('en-GB')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
