import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { io } from 'socket.io-client';
import { RealtimeClient, type EventEnvelope, type PresenceUser, type Topic } from '@commons/realtime';
import { useAuth } from './auth';

const TYPING_SHOWN_MS = 3000;

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** One socket and one RealtimeClient for the whole app; topics are shared between the components that follow them. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [client] = useState(() => {
    const socket = io({ path: '/socket.io', transports: ['websocket'], autoConnect: false });
    return { socket, realtime: new RealtimeClient(socket) };
  });
  // undefined until /api/auth/me answers: wait, so the first connection already carries the right identity
  const userId = user === undefined ? undefined : (user?.id ?? null);

  useEffect(() => {
    if (userId === undefined) return;
    // The server reads the session cookie at the handshake, so after sign in or out we need a new
    // connection; the client resubscribes every topic after what it has already seen.
    client.socket.connect();
    return () => {
      client.socket.disconnect();
    };
  }, [client, userId]);

  return <RealtimeContext.Provider value={client.realtime}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeClient {
  const realtime = useContext(RealtimeContext);
  if (!realtime) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return realtime;
}

/**
 * Follow a topic (null: none) while the component is mounted; onEvent gets each event once, in order,
 * from afterSeq (or from when the server acknowledges). When the server no longer keeps the events
 * missed (a tab asleep for longer than the server's retention), `onRefetch` runs instead; by default
 * every query on screen is fetched again, and events follow from there.
 * Returns the server's refusal, if any.
 */
export function useTopic(topic: Topic | null, onEvent: (event: EventEnvelope) => void, afterSeq?: number, onRefetch?: () => void): string | null {
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // the latest handlers without resubscribing on every render
  const handler = useRef(onEvent);
  const refetch = useRef(onRefetch);
  useEffect(() => {
    handler.current = onEvent;
    refetch.current = onRefetch;
  });

  useEffect(() => {
    setError(null);
    if (!topic) return;
    return realtime.subscribe(topic, {
      afterSeq,
      onEvent: (event) => handler.current(event),
      onError: setError,
      onRefetch: () => (refetch.current ? refetch.current() : void queryClient.invalidateQueries({ refetchType: 'active' })),
    });
    // afterSeq only says where to start: a later change must not resubscribe
  }, [realtime, topic, queryClient]);

  return error;
}

/** Who else is on the topic now. */
export function usePresence(topic: Topic | null): PresenceUser[] {
  const realtime = useRealtime();
  const [users, setUsers] = useState<PresenceUser[]>([]);

  useEffect(() => {
    if (!topic) {
      setUsers([]);
      return;
    }
    // another component may already follow the topic, so the server will not tell us again
    setUsers(realtime.presence(topic) ?? []);
    return realtime.subscribe(topic, { onEvent: () => undefined, onPresence: setUsers });
  }, [realtime, topic]);

  return users;
}

/**
 * The people who typed in the topic in the last few seconds, not counting the signed-in user, with
 * the section they typed in when they said.
 */
export function useTyping(topic: Topic | null): (PresenceUser & { section?: string })[] {
  const realtime = useRealtime();
  const { user } = useAuth();
  const me = user?.id;
  const [typing, setTyping] = useState<(PresenceUser & { section?: string })[]>([]);

  useEffect(() => {
    setTyping([]);
    if (!topic) return;
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    const unsubscribe = realtime.subscribe(topic, {
      onEvent: () => undefined,
      onTyping: (who, section) => {
        if (who.id === me) return;
        clearTimeout(timers.get(who.id));
        timers.set(
          who.id,
          setTimeout(() => {
            timers.delete(who.id);
            setTyping((list) => list.filter((u) => u.id !== who.id));
          }, TYPING_SHOWN_MS),
        );
        setTyping((list) => [...list.filter((u) => u.id !== who.id), { ...who, section }]);
      },
    });
    return () => {
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, [realtime, topic, me]);

  return typing;
}
