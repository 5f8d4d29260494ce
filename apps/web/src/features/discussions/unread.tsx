import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';

/**
 * The signed-in reader's unread total across threads. Reading a thread and a new notification (see
 * InboxLive) invalidate it; so does moving to another page, where something may have been read.
 */
export function useUnreadTotal(): number {
  const { user } = useAuth();
  const userId = user?.id ?? '';
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: keys.unreadThreads(userId),
    queryFn: () => api<{ total: number }>('GET', '/api/threads/unread'),
    enabled: !!user,
  });
  useEffect(() => {
    if (userId) void queryClient.invalidateQueries({ queryKey: keys.unreadThreads(userId) });
  }, [queryClient, userId, pathname]);
  return user && typeof data?.total === 'number' ? data.total : 0;
}

/** A small count next to the Discussions link in the menu. */
export function UnreadBadge() {
  const total = useUnreadTotal();
  if (total <= 0) return null;
  return (
    <span className="app-unread-badge" data-testid="unread-total">
      {total > 99 ? '99+' : total}
      <span className="govuk-visually-hidden"> unread</span>
    </span>
  );
}
