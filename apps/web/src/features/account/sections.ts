import type { FieldErrors } from '../../components/forms';

/** The schema's field names → this page's input ids (several forms on one page cannot share an id). */
export function renamed(errors: FieldErrors, ids: Record<string, string>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [ids[field] ?? field, message]));
}

/** Query keys of the account page, with the person's id so they go when they sign out. */
export const accountKeys = {
  sessions: (userId: string) => ['account', userId, 'sessions'] as const,
  tokens: (userId: string) => ['account', userId, 'tokens'] as const,
};

/** "Firefox on Windows" from a User-Agent, or the raw string's start when it is unfamiliar. */
export function browserName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const os = /Windows/.test(userAgent) ? 'Windows' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? userAgent.slice(0, 60);
}

export function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
