import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/**
 * Server state for the whole app. Live events keep it current (setQueryData / invalidateQueries), so
 * nothing polls and a tab coming back into focus does not repeat every read.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // a 4xx answer (not found, signed out, bad input) will be the same the second time
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

/** Query keys in one place, so a live event invalidates exactly what it changed. */
export const keys = {
  organisations: (kind?: string) => ['organisations', kind ?? 'all'] as const,
  tools: (query: string) => ['tools', 'list', query] as const,
  tool: (slug: string) => ['tools', 'page', slug] as const,
  authorityTools: (id: string) => ['organisations', id, 'tools'] as const,
  initiatives: (query: string) => ['initiatives', 'list', query] as const,
  initiative: (slug: string, userId: string | null) => ['initiatives', 'page', slug, userId] as const,
  dashboard: (userId: string) => ['initiatives', 'dashboard', userId] as const,
  threads: (subjectType: string | undefined, subjectId: string | undefined, userId: string | null) => ['threads', 'list', subjectType ?? 'all', subjectId ?? '', userId] as const,
  thread: (id: number, userId: string | null) => ['threads', 'page', id, userId] as const,
  revisions: (messageId: number, version: string | null) => ['messages', messageId, 'revisions', version] as const,
  unreadThreads: (userId: string) => ['threads', 'unread', userId] as const,
  inbox: (userId: string) => ['notifications', userId] as const,
  preferences: (userId: string) => ['notifications', 'preferences', userId] as const,
  watches: (userId: string) => ['watches', userId] as const,
  watch: (path: string, userId: string) => ['watches', userId, path] as const,
  audit: (itemId: number, version: string) => ['moderation', 'audit', itemId, version] as const,
};
