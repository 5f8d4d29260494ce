import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { Notification } from '@commons/domain';
import { topics } from '@commons/realtime';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { useTopic } from '../../realtime';

/** GET /api/notifications: the latest items, the unread count, and the `user:` topic's seq they were read at. */
export interface InboxData {
  items: Notification[];
  unread: number;
  seq: number;
}

/** The signed-in reader's inbox (undefined while anonymous or loading); kept current by <InboxLive />. */
export function useInbox(): InboxData | undefined {
  const { user } = useAuth();
  const userId = user?.id ?? '';
  const { data } = useQuery({
    queryKey: keys.inbox(userId),
    queryFn: () => api<InboxData>('GET', '/api/notifications?limit=50'),
    enabled: !!user,
    // live events keep it current
    staleTime: Infinity,
  });
  return user ? data : undefined;
}

/**
 * Follows the reader's `user:` topic from the seq the inbox was read at, so nothing falls in between,
 * and puts each new notification into the cache. Rendered once, in the app shell.
 */
export function InboxLive() {
  const { user } = useAuth();
  const userId = user?.id;
  const inbox = useInbox();
  const queryClient = useQueryClient();
  useTopic(
    userId && inbox ? topics.user(userId) : null,
    (event) => {
      if (event.type !== 'notification.created' || !userId) return;
      const n = event.payload as Omit<Notification, 'readAt'>;
      queryClient.setQueryData<InboxData>(keys.inbox(userId), (current) =>
        // listed by the HTTP read and replayed too when it committed in between: count it once
        !current || current.items.some((i) => i.id === n.id) ? current : { ...current, items: [{ ...n, readAt: null }, ...current.items], unread: current.unread + 1 },
      );
      // a mention or a reply usually means something new to read
      void queryClient.invalidateQueries({ queryKey: keys.unreadThreads(userId) });
    },
    inbox?.seq,
  );
  return null;
}

/** Marks the given notifications (or all) read. */
export function useMarkRead() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) => api<{ unread: number }>('POST', '/api/notifications/read', ids ? { ids } : {}),
    onSuccess: ({ unread }, ids) => {
      if (!user) return;
      const now = new Date().toISOString();
      queryClient.setQueryData<InboxData>(keys.inbox(user.id), (current) =>
        current && { ...current, unread, items: current.items.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)) },
      );
    },
  });
}

/** The header link with the live unread count. */
export function NotificationsLink() {
  const unread = useInbox()?.unread ?? 0;
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
