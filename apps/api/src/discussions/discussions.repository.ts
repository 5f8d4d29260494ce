import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { prepared, query } from '../database/prepared';
import { recentTexts } from '../moderation/moderation.subject';
import { duplicateKey, type Message, type Thread, type ToolAccess } from '@commons/domain';
import { toolReadableSql } from '../tools/tool-access';

export interface ThreadRow {
  id: string;
  subject_type: Thread['subjectType'];
  subject_id: string | null;
  title: string;
  kind: Thread['kind'];
  author_id: string;
  author_name: string;
  pinned: boolean;
  locked: boolean;
  accepted_message_id: string | null;
  last_seq: number;
  message_count: number;
  last_message_at: Date;
  created_at: Date;
  last_read_seq?: number;
  unread?: number;
}

export interface MessageRow {
  id: string;
  thread_id: string;
  seq: number;
  author_id: string;
  author_name: string;
  parent_id: string | null;
  body: string;
  mentions: string[];
  state: Message['state'];
  created_at: Date;
  edited_at: Date | null;
  reactions: Message['reactions'] | null;
}

export function toThread(r: ThreadRow): Thread {
  return {
    id: Number(r.id),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    title: r.title,
    kind: r.kind,
    author: { id: r.author_id, displayName: r.author_name },
    pinned: r.pinned,
    locked: r.locked,
    acceptedMessageId: r.accepted_message_id === null ? null : Number(r.accepted_message_id),
    messageCount: r.message_count,
    lastSeq: r.last_seq,
    lastMessageAt: r.last_message_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}

export function toMessage(r: MessageRow): Message {
  return {
    id: Number(r.id),
    threadId: Number(r.thread_id),
    seq: r.seq,
    author: { id: r.author_id, displayName: r.author_name },
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    body: r.state === 'deleted' ? null : r.body,
    mentions: r.mentions,
    state: r.state,
    createdAt: r.created_at.toISOString(),
    editedAt: r.edited_at?.toISOString() ?? null,
    reactions: r.reactions ?? [],
  };
}

/** A MessageRow's own columns, named: the statements that read them are prepared (see prepared). */
const MESSAGE_COLUMNS = ['id', 'thread_id', 'seq', 'author_id', 'parent_id', 'body', 'mentions', 'state', 'created_at', 'edited_at'];

/** Built once: every post runs it (see MessageRepository.append). */
const APPEND_MESSAGE = `WITH t AS (
    UPDATE threads SET last_seq = last_seq + 1, message_count = message_count + 1, last_message_at = now()
    WHERE id = $1 AND (NOT locked OR $8) RETURNING last_seq)
  INSERT INTO messages (thread_id, seq, author_id, parent_id, body, mentions, state, body_key)
  SELECT $1, t.last_seq, $2, $3, $4, $5, $6, md5($7)::uuid FROM t
  RETURNING ${MESSAGE_COLUMNS.join(', ')}, (SELECT display_name FROM users WHERE id = author_id) AS author_name, NULL::json AS reactions`;

const MESSAGES_BY_IDS = `SELECT ${MESSAGE_COLUMNS.map((c) => `m.${c}`).join(', ')}, u.display_name AS author_name
  FROM messages m JOIN users u ON u.id = m.author_id WHERE m.id = ANY($1)`;

const SELECT_THREAD = `SELECT t.*, u.display_name AS author_name FROM threads t JOIN users u ON u.id = t.author_id`;

/** A thread about a local-authority-only tool is listed only to readers of that tool (`flag`: readsLocalAuthorityTools). */
const threadReadable = (flag: string) => `(t.subject_type <> 'tool' OR EXISTS (SELECT 1 FROM tools x WHERE x.slug = t.subject_id AND ${toolReadableSql('x', flag)}))`;

const SELECT_MESSAGE = `
  SELECT m.*, u.display_name AS author_name,
         (SELECT json_agg(json_build_object('emoji', g.emoji, 'count', g.n, 'users', g.users) ORDER BY g.first)
          FROM (SELECT r.emoji, count(*)::int AS n, min(r.created_at) AS first,
                       json_agg(json_build_object('id', ru.id, 'displayName', ru.display_name) ORDER BY r.created_at) AS users
                FROM reactions r JOIN users ru ON ru.id = r.user_id WHERE r.message_id = m.id GROUP BY r.emoji) g) AS reactions
  FROM messages m JOIN users u ON u.id = m.author_id`;

/** Held messages are seen only by their author and moderators. */
const VISIBLE_TO = `(m.state <> 'held' OR m.author_id = $2 OR $3)`;

/** The events that carry a message's text (as `Message`): replay serves them from the outbox. */
const MESSAGE_TEXT_EVENTS = ['message.created', 'message.updated'];

/**
 * Wraps an `UPDATE messages … RETURNING id, thread_id, state, body, mentions` so that, in the same
 * statement, the message's earlier events on its thread are rewritten to what readers may see now:
 * its current text while visible (a redaction replaces the original), none once held or deleted. The
 * events stay, so the topic's seqs stay gapless.
 */
const scrubbing = (update: string) => `WITH m AS (${update}),
  latest AS (SELECT id, thread_id, jsonb_build_object(
      'state', state,
      'body', CASE WHEN state = 'visible' THEN to_jsonb(body) ELSE 'null'::jsonb END,
      'mentions', CASE WHEN state = 'visible' THEN to_jsonb(mentions) ELSE '[]'::jsonb END) AS fields FROM m)
  UPDATE outbox o SET payload = o.payload || latest.fields
  FROM latest WHERE o.topic = 'thread:' || latest.thread_id AND o.type = ANY('{${MESSAGE_TEXT_EVENTS.join(',')}}'::text[]) AND o.payload->>'id' = latest.id::text
    -- Rows already right are left alone (and unlocked: the relay marks rows published meanwhile).
    AND jsonb_build_object('state', o.payload->'state', 'body', o.payload->'body', 'mentions', o.payload->'mentions') IS DISTINCT FROM latest.fields`;

const SET_STATE = `UPDATE messages SET state = $2,
    deleted_at = CASE WHEN $2 = 'deleted' THEN now() ELSE deleted_at END,
    deleted_by = CASE WHEN $2 = 'deleted' THEN $3::uuid ELSE deleted_by END
  WHERE id = $1 RETURNING id, thread_id, state, body, mentions`;
const REPLACE_BODY = `UPDATE messages SET body = $2, body_key = md5($4)::uuid, mentions = $3 WHERE id = $1 RETURNING id, thread_id, state, body, mentions`;
const SET_STATE_SCRUBBING = scrubbing(SET_STATE);
const REPLACE_BODY_SCRUBBING = scrubbing(REPLACE_BODY);

/**
 * Whether the revision `r` (of message `m`) may be read by `viewer` (a SQL uuid, possibly null) who is
 * not a moderator. Text from before a message was taken out of view is for moderators only: none while
 * it is held (but for its author) or once deleted, and once a moderator has let it back (approved,
 * redacted) only edits made after that decision. `r` and `m` are aliases in the caller's statement.
 */
export const readableRevision = (r: string, m: string, viewer: string) => `(
  (${m}.state = 'visible' OR (${m}.state = 'held' AND ${m}.author_id = ${viewer}))
  AND ${r}.replaced_at > COALESCE((SELECT max(i.decided_at) FROM moderation_items i WHERE i.subject_type = 'message' AND i.subject_id = ${m}.id), '-infinity'))`;

@Injectable()
export class ThreadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, t: { subjectType: string; subjectId: string | null; title: string; kind: string; authorId: string }): Promise<number> {
    const [row] = await manager.query(`INSERT INTO threads (subject_type, subject_id, title, kind, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      t.subjectType,
      t.subjectId,
      t.title,
      t.kind,
      t.authorId,
    ]);
    return Number(row.id);
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager): Promise<ThreadRow | null> {
    const rows = await manager.query(`${SELECT_THREAD} WHERE t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Threads with the reader's position and unread count; pinned first, then most recently active. */
  list(filter: { subjectType?: string; subjectId?: string; limit: number; offset: number }, userId: string | null, readsLocalAuthority = false): Promise<ThreadRow[]> {
    return this.dataSource.query(
      `SELECT t.*, u.display_name AS author_name, COALESCE(rp.last_read_seq, 0) AS last_read_seq,
              (SELECT count(*)::int FROM messages m WHERE m.thread_id = t.id AND m.seq > COALESCE(rp.last_read_seq, 0)
                 AND m.state = 'visible' AND m.author_id IS DISTINCT FROM $4) AS unread
       FROM threads t JOIN users u ON u.id = t.author_id
       LEFT JOIN read_positions rp ON rp.thread_id = t.id AND rp.user_id = $4
       WHERE ($1::text IS NULL OR t.subject_type = $1) AND ($2::text IS NULL OR t.subject_id = $2) AND ${threadReadable('$6')}
       ORDER BY t.pinned DESC, t.last_message_at DESC, t.id DESC LIMIT $3 OFFSET $5`,
      [filter.subjectType ?? null, filter.subjectId ?? null, filter.limit, userId, filter.offset, readsLocalAuthority],
    );
  }

  async count(filter: { subjectType?: string; subjectId?: string }, readsLocalAuthority = false): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM threads t WHERE ($1::text IS NULL OR t.subject_type = $1) AND ($2::text IS NULL OR t.subject_id = $2) AND ${threadReadable('$3')}`,
      [filter.subjectType ?? null, filter.subjectId ?? null, readsLocalAuthority],
    );
    return row.n;
  }

  async update(manager: EntityManager, id: number, patch: { title?: string; pinned?: boolean; locked?: boolean; acceptedMessageId?: number | null }) {
    await manager.query(
      `UPDATE threads SET title = COALESCE($2, title), pinned = COALESCE($3, pinned), locked = COALESCE($4, locked),
              accepted_message_id = CASE WHEN $5 THEN $6 ELSE accepted_message_id END
       WHERE id = $1`,
      [id, patch.title ?? null, patch.pinned ?? null, patch.locked ?? null, patch.acceptedMessageId !== undefined, patch.acceptedMessageId ?? null],
    );
  }

  async subjectExists(subjectType: string, subjectId: string | null): Promise<boolean> {
    if (subjectType === 'general') return true;
    const table = subjectType === 'tool' ? 'tools' : 'initiatives';
    const rows = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE slug = $1`, [subjectId]);
    return rows.length > 0;
  }

  /** The access of the tool a thread is about; null for a thread on anything else (or no such thread). */
  async toolAccess(threadId: number, manager: EntityManager = this.dataSource.manager): Promise<ToolAccess | null> {
    const rows = await manager.query(`SELECT x.access FROM threads t JOIN tools x ON t.subject_type = 'tool' AND x.slug = t.subject_id WHERE t.id = $1`, [threadId]);
    return rows[0]?.access ?? null;
  }

  /** The access of a tool by slug; null when there is none. */
  async accessOfTool(slug: string | null): Promise<ToolAccess | null> {
    const rows = slug ? await this.dataSource.query(`SELECT access FROM tools WHERE slug = $1`, [slug]) : [];
    return rows[0]?.access ?? null;
  }

  async isLeader(initiativeSlug: string | null, userId: string): Promise<boolean> {
    if (!initiativeSlug) return false;
    const rows = await this.dataSource.query(`SELECT 1 FROM initiative_leaders l JOIN initiatives i ON i.id = l.initiative_id WHERE i.slug = $1 AND l.user_id = $2`, [initiativeSlug, userId]);
    return rows.length > 0;
  }

  async isMaintainer(toolSlug: string | null, userId: string): Promise<boolean> {
    if (!toolSlug) return false;
    const rows = await this.dataSource.query(`SELECT 1 FROM tool_maintainers tm JOIN tools t ON t.id = tm.tool_id WHERE t.slug = $1 AND tm.user_id = $2`, [toolSlug, userId]);
    return rows.length > 0;
  }

  /** Only moves forward: an older tab reporting an older position changes nothing. */
  async markRead(userId: string, threadId: number, seq: number): Promise<number> {
    const [row] = await this.dataSource.query(
      `INSERT INTO read_positions (user_id, thread_id, last_read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET last_read_seq = GREATEST(read_positions.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       RETURNING last_read_seq`,
      [userId, threadId, seq],
    );
    return row.last_read_seq;
  }

  async readPosition(userId: string, threadId: number): Promise<{ lastReadSeq: number; unread: number }> {
    const [row] = await this.dataSource.query(
      `SELECT COALESCE(rp.last_read_seq, 0) AS last_read_seq,
              (SELECT count(*)::int FROM messages m WHERE m.thread_id = $2 AND m.seq > COALESCE(rp.last_read_seq, 0) AND m.state = 'visible' AND m.author_id <> $1) AS unread
       FROM (SELECT 1) one LEFT JOIN read_positions rp ON rp.user_id = $1 AND rp.thread_id = $2`,
      [userId, threadId],
    );
    return { lastReadSeq: row.last_read_seq, unread: row.unread };
  }

  /** Unread messages across the threads this person reads (has a position in). */
  async unreadTotal(userId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM read_positions rp JOIN messages m ON m.thread_id = rp.thread_id AND m.seq > rp.last_read_seq
       WHERE rp.user_id = $1 AND m.state = 'visible' AND m.author_id <> $1`,
      [userId],
    );
    return row.n;
  }
}

@Injectable()
export class MessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends a message at the thread's next position, in one statement (the thread's counters and the
   * row together: a post's round trips are most of its time); the thread's row lock holds other writers
   * on it until commit. Answers the new row as `get` would read it (a new message has no reactions),
   * or null when the thread is missing, or locked and `intoLocked` is false.
   */
  async append(
    manager: EntityManager,
    m: { threadId: number; authorId: string; parentId: number | null; body: string; mentions: string[]; state: Message['state']; intoLocked: boolean },
  ): Promise<MessageRow | null> {
    const [row] = await query<MessageRow>(manager,
      prepared(APPEND_MESSAGE),
      [m.threadId, m.authorId, m.parentId, m.body, m.mentions, m.state, duplicateKey(m.body), m.intoLocked],
    );
    return row ?? null;
  }

  async get(id: number, manager: EntityManager = this.dataSource.manager, lock = false): Promise<MessageRow | null> {
    const rows = await manager.query(`${SELECT_MESSAGE} WHERE m.id = $1 ${lock ? 'FOR UPDATE OF m' : ''}`, [id]);
    return rows[0] ?? null;
  }

  byIds(ids: number[], manager: EntityManager = this.dataSource.manager): Promise<MessageRow[]> {
    return query<MessageRow>(manager,
      prepared(MESSAGES_BY_IDS),
      [ids],
    );
  }

  /** A page by position: after → the next `limit`; before → the `limit` before it; neither → the latest. */
  async page(threadId: number, q: { before?: number; after?: number; limit: number }, viewer: { id: string | null; moderator: boolean }) {
    const ascending = q.after !== undefined;
    const rows: MessageRow[] = await this.dataSource.query(
      `${SELECT_MESSAGE}
       WHERE m.thread_id = $1 AND ${VISIBLE_TO}
         AND ($4::int IS NULL OR m.seq > $4) AND ($5::int IS NULL OR m.seq < $5)
       ORDER BY m.seq ${ascending ? 'ASC' : 'DESC'} LIMIT $6`,
      [threadId, viewer.id, viewer.moderator, q.after ?? null, q.before ?? null, q.limit + 1],
    );
    const hasMore = rows.length > q.limit;
    const items = rows.slice(0, q.limit);
    return { items: ascending ? items : items.reverse(), hasMore };
  }

  /** Keeps the old body as a revision, then replaces it. */
  async edit(manager: EntityManager, id: number, body: string, mentions: string[], editorId: string) {
    await manager.query(`INSERT INTO message_revisions (message_id, body, replaced_by) SELECT id, body, $2 FROM messages WHERE id = $1`, [id, editorId]);
    await manager.query(`UPDATE messages SET body = $2, body_key = md5($4)::uuid, mentions = $3, edited_at = now() WHERE id = $1`, [id, body, mentions, duplicateKey(body)]);
  }

  /** The earlier versions `viewer` may read (see readableRevision); moderators read them all. */
  revisions(id: number, viewer: { id: string | null; moderator: boolean }) {
    return this.dataSource.query(
      `SELECT r.body, r.replaced_at, r.replaced_by, u.display_name
       FROM message_revisions r JOIN users u ON u.id = r.replaced_by JOIN messages m ON m.id = r.message_id
       WHERE r.message_id = $1 AND ($3 OR ${readableRevision('r', 'm', '$2::uuid')}) ORDER BY r.id`,
      [id, viewer.id, viewer.moderator],
    );
  }

  /**
   * Leaving "visible" (held, deleted) takes the text out of the message's earlier events in the same
   * statement, whichever path did it (see scrubbing).
   */
  async setState(manager: EntityManager, id: number, state: Message['state'], by?: string) {
    await query(manager, state === 'visible' ? SET_STATE : prepared(SET_STATE_SCRUBBING), [id, state, by ?? null]);
  }

  /**
   * Replaces the body keeping no revision, for a moderator's redaction or an edit under review: the
   * public history would otherwise show the very text at issue (moderators keep it in the moderation
   * item and its audit log). The earlier events get the new text only if the message is visible.
   */
  async replaceBody(manager: EntityManager, id: number, body: string, mentions: string[] = []) {
    await query(manager, prepared(REPLACE_BODY_SCRUBBING), [id, body, mentions, duplicateKey(body)]);
  }

  /**
   * The retention period after a moderator's redaction or rejection is over: the message keeps only the
   * redacted text (or "[removed]"), and the edit history from before goes with the original.
   */
  async purgeOriginal(manager: EntityManager, id: number, body: string) {
    await manager.query(`UPDATE messages SET body = $2, body_key = NULL WHERE id = $1`, [id, body]);
    await manager.query(`DELETE FROM message_revisions WHERE message_id = $1`, [id]);
  }

  /** Whether the message's first check passed it: the people it concerns were told of it then. */
  async passedCheck(manager: EntityManager, id: number): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM moderation_items WHERE subject_type = 'message' AND subject_id = $1 AND reason = 'new' AND outcome = 'clean'`, [id]);
    return rows.length > 0;
  }

  /** Adds the reaction, or takes it away if it was there; true when added. */
  async toggleReaction(manager: EntityManager, messageId: number, userId: string, emoji: string): Promise<boolean> {
    const added = await manager.query(`INSERT INTO reactions (message_id, user_id, emoji) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`, [messageId, userId, emoji]);
    if (added.length) return true;
    await manager.query(`DELETE FROM reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3`, [messageId, userId, emoji]);
    return false;
  }

  /** One flag per person per message; false if they had flagged it already. */
  async flag(manager: EntityManager, messageId: number, userId: string, reason: string, note: string | null): Promise<boolean> {
    const rows = await manager.query(`INSERT INTO message_flags (message_id, user_id, reason, note) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`, [messageId, userId, reason, note]);
    return rows.length > 0;
  }

  /** For each message, earlier ones by the same author in the hour before, to spot the same text pasted again. */
  recentBodies(ids: number[]) {
    return recentTexts(this.dataSource, { table: 'messages', text: 'body', key: 'body_key', sender: 'author_id' }, ids);
  }

  async existingUsers(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.dataSource.query(`SELECT id FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    const found = new Set(rows.map((r: { id: string }) => r.id));
    return ids.filter((id) => found.has(id));
  }
}
