import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import * as decoding from 'lib0/decoding';
import { modifyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DesignComment, DesignJoinAck, DesignJoinInput, DesignUpdateInput, detectPersonalData } from '@commons/domain';
import { SESSION_COOKIE } from '../../auth/auth-user';
import { AuthService } from '../../auth/auth.service';
import { ENV, Env } from '../../config/env';
import { DesignRepository } from '../design.repository';
import { canReadTool } from '../tool-access';
import { ToolsService } from '../tools.service';
import { DesignDocs } from './design-docs';
import { DesignVersions } from './design-versions.service';
import { readerText } from './sections';

/** Readers see the live text at most this often, each time checked for personal data first. */
const READER_EVERY_MS = 300;

type Joined = { toolId: number; slug: string; key: string; editor: boolean; clients: Set<number> };
const editorsRoom = (toolId: number, key: string) => `design:${toolId}:${key}`;
const readersRoom = (toolId: number, key: string) => `design-read:${toolId}:${key}`;
const id = (x: { slug: string; key: string }) => `${x.slug}#${x.key}`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** The client ids an awareness update speaks for (y-protocols' encoding: count, then id, clock, state). */
function awarenessClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const ids: number[] = [];
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return ids;
}

/**
 * How much of the document a state holds (the sum of its state vector): instances send readers texts read
 * at different moments, and may deliver an older read after a newer one; readers keep the highest.
 */
const clockOf = (doc: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc)).values()].reduce((a, b) => a + b, 0);

const problems = (issues: { path: PropertyKey[]; message: string }[]) => issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');

/**
 * Yjs over the socket.io gateway (docs/architecture.md, "Design documents live"). Editors (signed in,
 * allowed to read the tool) exchange Yjs updates and awareness in a room per section; the Redis adapter
 * carries both to the other instances. Every update is stored before it is passed on. Readers get no
 * updates, only the section's text, checked for personal data each time, so what the detector catches
 * never reaches them.
 */
@Injectable()
export class DesignLive implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DesignLive.name);
  private server?: Server;
  private readonly readerTimers = new Map<string, NodeJS.Timeout>();
  private readonly versionTimers = new Map<string, NodeJS.Timeout>();
  private closing = false;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly docs: DesignDocs,
    private readonly versions: DesignVersions,
    private readonly catalogue: ToolsService,
    private readonly auth: AuthService,
    private readonly design: DesignRepository,
  ) {}

  attach(server: Server) {
    this.server = server;
  }

  private joined(socket: Socket): Map<string, Joined> {
    return (socket.data.design ??= new Map<string, Joined>());
  }

  async join(socket: Socket, input: unknown): Promise<DesignJoinAck> {
    const parsed = DesignJoinInput.safeParse(input);
    if (!parsed.success) return { ok: false, error: problems(parsed.error.issues) };
    const { slug, key } = parsed.data;
    const tool = await this.catalogue.find(slug).catch(() => null);
    if (!tool) return { ok: false, error: `No tool called ${slug}` };
    const signedIn = socket.data.user as { id: string } | null;
    // Who may read a local-authority-only tool is decided by the session as it is now (the one rule).
    const reader = tool.access === 'public' ? null : await this.auth.validate(cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE) ?? '').then((a) => a?.user ?? null);
    if (!canReadTool(reader, tool)) return { ok: false, error: 'This tool is for local authority staff only' };
    const section = await this.design.section(tool.id, key);
    if (!section) return { ok: false, error: `${tool.name} has no design section ${key}` };
    const editor = signedIn !== null;
    const room = editor ? editorsRoom(tool.id, key) : readersRoom(tool.id, key);
    // In the room before the state is read: an update stored after the read is then heard, never missed.
    await socket.join(room);
    const joined: Joined = { toolId: tool.id, slug, key, editor, clients: new Set() };
    this.joined(socket).set(id(joined), joined);
    const state = (await this.docs.load(tool.id, key))!;
    const held = await this.isHeld(tool.id, key);
    if (editor) {
      // Those already here say where they are, so the newcomer sees their cursors.
      socket.to(room).emit('design:hello', { slug, key });
      // Edits whose version an instance did not live to save (it stopped within the pause) get it now.
      if (state.text !== section.body) this.scheduleVersion(tool.id, slug, key, this.env.DESIGN_VERSION_PAUSE_MS);
      return { ok: true, editor: true, held, state: Y.encodeStateAsUpdate(state.doc) };
    }
    return { ok: true, editor: false, held, body: held ? '' : readerText(state.text, section.body), clock: clockOf(state.doc) };
  }

  async update(socket: Socket, input: unknown): Promise<{ ok: boolean; error?: string }> {
    const parsed = DesignUpdateInput.safeParse(input);
    if (!parsed.success) return { ok: false, error: problems(parsed.error.issues) };
    const joined = this.joined(socket).get(id(parsed.data));
    if (!joined?.editor) return { ok: false, error: 'Join the section as a signed-in member to edit it' };
    try {
      await this.docs.append(joined.toolId, joined.key, parsed.data.update, (socket.data.user as { id: string }).id);
    } catch (error) {
      return { ok: false, error: `update: ${(error as Error).message}` };
    }
    socket.to(editorsRoom(joined.toolId, joined.key)).emit('design:update', { slug: joined.slug, key: joined.key, update: parsed.data.update });
    this.changed(joined.toolId, joined.slug, joined.key);
    return { ok: true };
  }

  /** Cursors and selections: passed on to the other editors, under the name the session says. */
  awareness(socket: Socket, input: unknown) {
    const parsed = DesignUpdateInput.safeParse(input);
    if (!parsed.success) return;
    const joined = this.joined(socket).get(id(parsed.data));
    const user = socket.data.user as { id: string; displayName: string } | null;
    if (!joined?.editor || !user) return;
    try {
      for (const c of awarenessClients(parsed.data.update)) joined.clients.add(c);
      const update = modifyAwarenessUpdate(parsed.data.update, (state: Record<string, unknown> | null) =>
        state ? { ...state, user: { ...(state.user as object), name: user.displayName, id: user.id } } : state,
      );
      socket.to(editorsRoom(joined.toolId, joined.key)).emit('design:awareness', { slug: joined.slug, key: joined.key, update });
    } catch {
      /* not an awareness update: dropped */
    }
  }

  async leave(socket: Socket, input: unknown) {
    const parsed = DesignJoinInput.safeParse(input);
    if (!parsed.success) return { ok: false };
    const joined = this.joined(socket).get(id(parsed.data));
    if (joined) await this.forget(socket, joined);
    return { ok: true };
  }

  async disconnected(socket: Socket) {
    for (const joined of this.joined(socket).values()) await this.forget(socket, joined);
  }

  private async forget(socket: Socket, joined: Joined) {
    this.joined(socket).delete(id(joined));
    await socket.leave(editorsRoom(joined.toolId, joined.key));
    await socket.leave(readersRoom(joined.toolId, joined.key));
    // Their cursors go at once, not after awareness's 30 s timeout.
    if (joined.clients.size) this.server?.to(editorsRoom(joined.toolId, joined.key)).emit('design:gone', { slug: joined.slug, key: joined.key, clients: [...joined.clients] });
  }

  /** A write that did not come through a socket (REST save, restore): editors get the update, readers the text. */
  published(tool: { id: number; slug: string }, key: string, update: Uint8Array | null) {
    if (update) this.server?.to(editorsRoom(tool.id, key)).emit('design:update', { slug: tool.slug, key, update });
    this.changed(tool.id, tool.slug, key);
  }

  /** A section was held or cleared: everyone on it hears; readers of a held one leave the room. */
  heldChanged(tool: { id: number; slug: string }, key: string, held: boolean) {
    if (!this.server) return;
    const payload = { slug: tool.slug, key, held };
    this.server.to(editorsRoom(tool.id, key)).to(readersRoom(tool.id, key)).emit('design:held', payload);
    if (!held) this.pushToReaders(tool.id, tool.slug, key);
  }

  /** A comment added, answered or resolved: everyone on the section sees it (readers not while it is held). */
  async commented(tool: { id: number; slug: string }, key: string, comment: DesignComment) {
    if (!this.server) return;
    const rooms = (await this.isHeld(tool.id, key)) ? [editorsRoom(tool.id, key)] : [editorsRoom(tool.id, key), readersRoom(tool.id, key)];
    this.server.to(rooms).emit('design:comment', { slug: tool.slug, key, comment });
  }

  /** After any change: readers' text soon (throttled), and an automatic version after a pause. */
  private changed(toolId: number, slug: string, key: string) {
    const k = `${toolId}:${key}`;
    if (!this.readerTimers.has(k)) {
      const timer = setTimeout(() => {
        this.readerTimers.delete(k);
        this.pushToReaders(toolId, slug, key);
      }, READER_EVERY_MS);
      timer.unref();
      this.readerTimers.set(k, timer);
    }
    this.scheduleVersion(toolId, slug, key, this.env.DESIGN_VERSION_PAUSE_MS);
  }

  private scheduleVersion(toolId: number, slug: string, key: string, ms: number) {
    const k = `${toolId}:${key}`;
    clearTimeout(this.versionTimers.get(k));
    const timer = setTimeout(() => {
      this.versionTimers.delete(k);
      this.versions.version({ id: toolId, slug }, key, { auto: true }).then(
        (v) => {
          if (v && 'later' in v) this.scheduleVersion(toolId, slug, key, Math.max(50, v.later));
          else if (v?.held) this.heldChanged({ id: toolId, slug }, key, true);
        },
        (error: Error) => this.logger.warn(`automatic version of ${slug}#${key}: ${error.message}`),
      );
    }, ms);
    timer.unref();
    this.versionTimers.set(k, timer);
  }

  private pushToReaders(toolId: number, slug: string, key: string) {
    void (async () => {
      const state = await this.docs.load(toolId, key);
      if (!state || !this.server || this.closing) return;
      if (DesignDocs.wantsCompaction(state)) await this.docs.compact(toolId, key);
      // Text that looks like personal data waits for the version that will hold it; readers keep the last clean text.
      if ((await this.isHeld(toolId, key)) || detectPersonalData(state.text).length || this.closing) return;
      this.server.to(readersRoom(toolId, key)).emit('design:text', { slug, key, body: state.text, clock: clockOf(state.doc) });
    })().catch((error: Error) => this.logger.warn(`readers' text of ${slug}#${key}: ${error.message}`));
  }

  private async isHeld(toolId: number, key: string): Promise<boolean> {
    return Boolean((await this.design.section(toolId, key))?.held_at);
  }

  /** Before socket.io's Redis adapter closes: a readers' push still loading must not broadcast through a closed connection. */
  beforeApplicationShutdown() {
    this.closing = true;
    for (const t of [...this.readerTimers.values(), ...this.versionTimers.values()]) clearTimeout(t);
  }
}
