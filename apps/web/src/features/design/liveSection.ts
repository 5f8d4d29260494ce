import { useEffect, useMemo, useState } from 'react';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { DESIGN_TEXT, type DesignComment, type DesignJoinAck } from '@commons/domain';

const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#912b88', '#f47738', '#4c2c92'];

export interface LiveState {
  joined: boolean;
  editor: boolean;
  held: boolean;
  /** readers only: the checked text the server sends */
  body: string;
  error?: string;
}

export interface LiveSection {
  doc: Y.Doc;
  text: Y.Text;
  awareness: Awareness;
  state: LiveState;
}

type Msg = { slug: string; key: string };

/**
 * One section's Yjs document kept in step with the server over the page's socket (docs/architecture.md,
 * "Design documents live"). On every (re)connection it joins again, applies the server's state and sends
 * back what the server lacks: edits made offline merge then. Readers get the checked text only.
 */
export function useLiveSection(socket: Socket, slug: string, key: string, me: { id: string; displayName: string } | null, onComment: (c: DesignComment) => void): LiveSection {
  const doc = useMemo(() => new Y.Doc(), [slug, key]);
  const awareness = useMemo(() => new Awareness(doc), [doc]);
  const [state, setState] = useState<LiveState>({ joined: false, editor: false, held: false, body: '' });

  useEffect(() => {
    const mine = (m: Msg) => m.slug === slug && m.key === key;
    let editor = false;
    let clock = -1; // readers keep the newest text (see design:text)
    const join = () => {
      socket.emit('design:join', { slug, key }, (ack: DesignJoinAck) => {
        if (!ack.ok) return setState((s) => ({ ...s, joined: false, error: ack.error }));
        editor = ack.editor;
        if (ack.editor) {
          const server = new Y.Doc();
          Y.applyUpdate(server, new Uint8Array(ack.state));
          Y.applyUpdate(doc, new Uint8Array(ack.state), 'remote');
          const missing = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server));
          if (missing.byteLength > 2) socket.emit('design:update', { slug, key, update: missing });
          server.destroy();
          socket.emit('design:awareness', { slug, key, update: encodeAwarenessUpdate(awareness, [doc.clientID]) });
        }
        if (!ack.editor && ack.clock < clock) return setState((st) => ({ ...st, joined: true, held: ack.held }));
        if (!ack.editor) clock = ack.clock;
        setState({ joined: true, editor: ack.editor, held: ack.held, body: ack.editor ? '' : ack.body });
      });
    };
    const onUpdate = (m: Msg & { update: ArrayBuffer }) => mine(m) && Y.applyUpdate(doc, new Uint8Array(m.update), 'remote');
    const onAwareness = (m: Msg & { update: ArrayBuffer }) => mine(m) && applyAwarenessUpdate(awareness, new Uint8Array(m.update), 'remote');
    const onGone = (m: Msg & { clients: number[] }) => mine(m) && removeAwarenessStates(awareness, m.clients, 'remote');
    const onHello = (m: Msg) => mine(m) && editor && socket.emit('design:awareness', { slug, key, update: encodeAwarenessUpdate(awareness, [doc.clientID]) });
    const onText = (m: Msg & { body: string; clock: number }) => {
      if (!mine(m) || m.clock < clock) return;
      clock = m.clock;
      setState((s) => ({ ...s, body: m.body }));
    };
    const onHeld = (m: Msg & { held: boolean }) => mine(m) && setState((s) => ({ ...s, held: m.held, body: m.held && !editor ? '' : s.body }));
    const onCommentMsg = (m: Msg & { comment: DesignComment }) => mine(m) && onComment(m.comment);
    // Local edits go out while connected; offline ones wait for the next join.
    const onDocUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote' && editor && socket.connected) socket.emit('design:update', { slug, key, update });
    };
    const onLocalAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === 'remote' || !editor || !socket.connected) return;
      const changed = [...added, ...updated, ...removed].filter((c) => c === doc.clientID);
      if (changed.length) socket.emit('design:awareness', { slug, key, update: encodeAwarenessUpdate(awareness, changed) });
    };
    const onDisconnect = () => setState((s) => ({ ...s, joined: false }));

    if (me) awareness.setLocalStateField('user', { name: me.displayName, color: COLOURS[doc.clientID % COLOURS.length], colorLight: `${COLOURS[doc.clientID % COLOURS.length]}33` });
    socket.on('connect', join);
    socket.on('disconnect', onDisconnect);
    socket.on('design:update', onUpdate);
    socket.on('design:awareness', onAwareness);
    socket.on('design:gone', onGone);
    socket.on('design:hello', onHello);
    socket.on('design:text', onText);
    socket.on('design:held', onHeld);
    socket.on('design:comment', onCommentMsg);
    doc.on('update', onDocUpdate);
    awareness.on('update', onLocalAwareness);
    if (socket.connected) join();
    return () => {
      if (socket.connected) socket.emit('design:leave', { slug, key });
      socket.off('connect', join);
      socket.off('disconnect', onDisconnect);
      socket.off('design:update', onUpdate);
      socket.off('design:awareness', onAwareness);
      socket.off('design:gone', onGone);
      socket.off('design:hello', onHello);
      socket.off('design:text', onText);
      socket.off('design:held', onHeld);
      socket.off('design:comment', onCommentMsg);
      doc.off('update', onDocUpdate);
      awareness.off('update', onLocalAwareness);
    };
    // onComment is the page's stable handler
  }, [socket, slug, key, doc, awareness, me?.id]);

  return { doc, text: doc.getText(DESIGN_TEXT), awareness, state };
}

/** A Yjs relative position as text, for a comment's anchor. */
export function encodePosition(text: Y.Text, index: number): string {
  const bytes = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
  return btoa(String.fromCharCode(...bytes));
}

/** Where an anchor's position is in the text now, or null if its text is gone. */
export function decodePosition(doc: Y.Doc, encoded: string): number | null {
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), doc)?.index ?? null;
}
