import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MemberList } from '@commons/domain';
import { api } from '../../../api';
import type { Picked } from './mentions';

/** Asked once typing pauses this long: a look-up per keystroke would spend the per-minute allowance. */
const PAUSE_MS = 150;

/** Members whose name matches what follows "@" (GET /api/members), or nothing while `query` is null. */
export function useMemberSearch(query: string | null) {
  const [asked, setAsked] = useState(query);
  useEffect(() => {
    if (query === null) return setAsked(null);
    const t = setTimeout(() => setAsked(query), PAUSE_MS);
    return () => clearTimeout(t);
  }, [query]);
  const result = useQuery({
    queryKey: ['members', asked],
    queryFn: () => api<MemberList>('GET', `/api/members?q=${encodeURIComponent(asked!)}`).then((r): Picked[] => r.items),
    enabled: !!asked,
    staleTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
  return {
    people: query && asked && result.data ? result.data : NONE,
    /** the answer is for what is typed now */
    settled: query === asked && !result.isFetching,
    failed: result.isError,
  };
}

const NONE: Picked[] = [];
