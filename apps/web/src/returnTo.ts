import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { safeReturnTo } from '@commons/domain';

/** Pages that are part of signing in: never a place to come back to. */
const ACCOUNT_ENTRY = ['/sign-in', '/register'];

/** The returnTo the current page was given, if it is a path on this site (see safeReturnTo), else null. */
export function useReturnTo(): string | null {
  const { search } = useLocation();
  const returnTo = safeReturnTo(new URLSearchParams(search).get('returnTo'));
  return returnTo && !ACCOUNT_ENTRY.some((p) => returnTo === p || returnTo.startsWith(`${p}?`)) ? returnTo : null;
}

/**
 * `path` (the sign-in or register page) with `returnTo` set to the page the person is on, so signing in
 * brings them back to it. From the sign-in or register page itself, the returnTo it already carries.
 */
export function useSignInHref(path = '/sign-in'): string {
  const { pathname, search, hash } = useLocation();
  const carried = useReturnTo();
  const here = ACCOUNT_ENTRY.includes(pathname) ? carried : `${pathname}${search}${hash}`;
  return here && here !== '/' ? `${path}?${new URLSearchParams({ returnTo: here })}` : path;
}

/** Where single sign-on starts: the provider, then back to `returnTo`. A full page load, not a route. */
export function ssoHref(returnTo: string | null): string {
  return `/api/auth/oidc/login${returnTo ? `?${new URLSearchParams({ returnTo })}` : ''}`;
}

let lastPage: string | null = null;

/**
 * Remembers the page being shown (Layout calls it), so the sign-in page knows where the person came
 * from even when the link they followed carried no returnTo.
 */
export function useRememberPage() {
  const { pathname, search, hash } = useLocation();
  useEffect(() => {
    if (!ACCOUNT_ENTRY.includes(pathname)) lastPage = `${pathname}${search}${hash}`;
  }, [pathname, search, hash]);
}

/** Where to go after signing in or registering: the returnTo given, else the page shown before, else Home. */
export function useAfterSignIn(): string {
  return useReturnTo() ?? safeReturnTo(lastPage) ?? '/';
}
