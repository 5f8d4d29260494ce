import type { ReactNode } from 'react';
import type { Highlighted } from '@commons/domain';

/**
 * Plain text with its matches in <mark>: React escapes every piece, so a result's text can never be
 * markup (no dangerouslySetInnerHTML). Ranges come sorted and apart from the server; any that are not
 * are skipped.
 */
export function Highlight({ value }: { value: Highlighted }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of value.highlights) {
    if (start < at || end <= start || end > value.text.length) continue;
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(<mark key={start}>{value.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts}</>;
}
