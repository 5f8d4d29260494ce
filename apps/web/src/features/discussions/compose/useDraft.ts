import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyDraft, type Draft } from './mentions';

/** Drafts live in this browser's localStorage only, one per signed-in person and box. */
const PREFIX = 'commons.draft.v1';

function read<T>(key: string | null, fallback: T): T {
  if (!key) return fallback;
  try {
    const raw = localStorage.getItem(key);
    return raw ? { ...fallback, ...(JSON.parse(raw) as T) } : fallback;
  } catch {
    return fallback; // storage off (private window) or a damaged entry: start afresh
  }
}

/**
 * A box's text kept across navigation and reload, keyed by user and place (`thread:12`,
 * `new:tool:903-validator`); `clear` on send. Without a user nothing is stored.
 */
export function useDraft<T extends Draft>(userId: string | undefined, place: string, initial: () => T = emptyDraft as () => T) {
  const key = userId ? `${PREFIX}:${userId}:${place}` : null;
  const [draft, setDraft] = useState<T>(() => read(key, initial()));
  const keyRef = useRef(key);

  // another box (another thread) in the same component: load its draft
  useEffect(() => {
    if (keyRef.current === key) return;
    keyRef.current = key;
    setDraft(read(key, initial()));
  }, [key, initial]);

  useEffect(() => {
    if (!key || keyRef.current !== key) return;
    try {
      if (isEmpty(draft)) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(draft));
    } catch {
      /* full or off: the draft just is not kept */
    }
  }, [key, draft]);

  const clear = useCallback(() => setDraft(initial()), [initial]);
  return [draft, setDraft, clear] as const;
}

/** Nothing written: the text (and a new thread's title) blank. */
function isEmpty(draft: Draft & { title?: string }) {
  return !draft.text.trim() && !draft.title?.trim();
}

/** Removes every draft of a person from this browser (for signing out on a shared computer). */
export function forgetDrafts(userId: string) {
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(`${PREFIX}:${userId}:`)) localStorage.removeItem(k);
  } catch {
    /* storage off: nothing was kept */
  }
}
