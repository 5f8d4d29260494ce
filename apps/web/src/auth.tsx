import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { forgetDrafts } from './features/discussions/compose/useDraft';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Me, RegisterInput, User } from '@commons/domain';
import { api, ApiError } from './api';

interface Auth {
  /** null when anonymous; undefined until the first /api/auth/me answers */
  user: User | null | undefined;
  signIn(input: LoginInput): Promise<User>;
  register(input: RegisterInput): Promise<User>;
  signOut(): Promise<void>;
  refresh(): Promise<User | null>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const { user } = await api<Me>('GET', '/api/auth/me');
      setUser(user);
      return user;
    } catch (err) {
      // Only a 401 means "signed out"; anything else we treat the same way but leave a trace.
      if (!(err instanceof ApiError && err.status === 401)) console.warn('Could not load the signed-in user', err);
      setUser(null);
      return null;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Per-person queries are keyed by the user's id: once they sign out (or someone else signs in), drop them.
  const queryClient = useQueryClient();
  const lastUserId = useRef<string | null>(null);
  const userId = user?.id ?? null;
  useEffect(() => {
    const previous = lastUserId.current;
    lastUserId.current = userId;
    if (previous && previous !== userId) queryClient.removeQueries({ predicate: (q) => q.queryKey.includes(previous) });
  }, [queryClient, userId]);

  const value = useMemo<Auth>(
    () => ({
      user,
      refresh,
      async signIn(input) {
        const { user } = await api<Me>('POST', '/api/auth/login', input);
        setUser(user);
        return user;
      },
      async register(input) {
        const { user } = await api<Me>('POST', '/api/auth/register', input);
        setUser(user);
        return user;
      },
      async signOut() {
        await api<void>('POST', '/api/auth/logout', {});
        // Unsent drafts stay on a shared computer otherwise.
        if (user) forgetDrafts(user.id);
        setUser(null);
      },
    }),
    [user, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}

/** Moderators and admins see the moderation queue. */
export function isModerator(user: User | null | undefined): boolean {
  return !!user && user.roles.some((r) => r === 'moderator' || r === 'admin');
}
