import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DESIGN_TEXT } from '@commons/domain';

/** Merged into the snapshot once a section has this many updates stored after it. */
const COMPACT_AFTER = 100;

const SELECT_STATE = `
  SELECT s.snapshot, s.body, coalesce(array_agg(u.update ORDER BY u.id) FILTER (WHERE u.id IS NOT NULL), '{}') AS updates,
         coalesce(array_agg(u.id ORDER BY u.id) FILTER (WHERE u.id IS NOT NULL), '{}') AS ids
  FROM tool_design_sections s LEFT JOIN tool_design_updates u ON u.tool_id = s.tool_id AND u.key = s.key
  WHERE s.tool_id = $1 AND s.key = $2 GROUP BY s.tool_id, s.key`;

const SELECT_STATES = `
  SELECT s.key, s.snapshot, s.body, coalesce(array_agg(u.update ORDER BY u.id) FILTER (WHERE u.id IS NOT NULL), '{}') AS updates
  FROM tool_design_sections s LEFT JOIN tool_design_updates u ON u.tool_id = s.tool_id AND u.key = s.key
  WHERE s.tool_id = $1 GROUP BY s.tool_id, s.key`;

/** Stored once, the first time a section is opened live; never replaced by another seed (COALESCE). */
const STORE_SEED = `UPDATE tool_design_sections SET snapshot = coalesce(snapshot, $3) WHERE tool_id = $1 AND key = $2 RETURNING snapshot`;
const APPEND_UPDATE = `INSERT INTO tool_design_updates (tool_id, key, update, author_id) VALUES ($1, $2, $3, $4) RETURNING id`;
const REPLACE_SNAPSHOT = `UPDATE tool_design_sections SET snapshot = $3 WHERE tool_id = $1 AND key = $2`;
const DELETE_UPDATES = `DELETE FROM tool_design_updates WHERE id = ANY($1::bigint[])`;
const LAST_UPDATE = `SELECT author_id, (extract(epoch FROM clock_timestamp() - created_at) * 1000)::float8 AS age_ms FROM tool_design_updates WHERE tool_id = $1 AND key = $2 ORDER BY id DESC LIMIT 1`;

export interface LiveState {
  doc: Y.Doc;
  text: string;
  /** stored updates not yet merged into the snapshot */
  pending: string[];
}

/**
 * The text a section had before it was ever opened live, as a Yjs update. Written by one fixed client
 * id, so two instances seeding the same text make the same items, which Yjs merges into one copy.
 */
function seed(body: string): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  doc.clientID = 1;
  doc.getText(DESIGN_TEXT).insert(0, body);
  return Y.encodeStateAsUpdate(doc);
}

function docOf(snapshot: Uint8Array, updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, updates.length ? Y.mergeUpdates([snapshot, ...updates]) : snapshot);
  } catch {
    // One stored update Yjs cannot read must not make the whole section unreadable: apply the others.
    const fresh = new Y.Doc();
    for (const u of [snapshot, ...updates]) {
      try {
        Y.applyUpdate(fresh, u);
      } catch {
        /* skipped */
      }
    }
    return fresh;
  }
  return doc;
}

/**
 * A section's Yjs document in Postgres: a snapshot plus the updates appended since, merged into the
 * snapshot now and then. Nothing is kept in memory between calls, so every API instance reads the same
 * document; Yjs updates commute, so the order they were appended in does not matter.
 */
@Injectable()
export class DesignDocs {
  constructor(private readonly db: DataSource) {}

  /** The section's live document, or null when there is no such section. */
  async load(toolId: number, key: string, manager: EntityManager = this.db.manager): Promise<LiveState | null> {
    const [row] = (await manager.query(SELECT_STATE, [toolId, key])) as { snapshot: Buffer | null; body: string; updates: Buffer[]; ids: string[] }[];
    if (!row) return null;
    let snapshot = row.snapshot;
    if (!snapshot) [{ snapshot }] = await manager.query(STORE_SEED, [toolId, key, Buffer.from(seed(row.body))]).then((r: [{ snapshot: Buffer }[]]) => r[0]);
    const doc = docOf(snapshot!, row.updates);
    return { doc, text: doc.getText(DESIGN_TEXT).toString(), pending: row.ids };
  }

  /** Every section's live text, in two statements' worth of work (one query). */
  async texts(toolId: number): Promise<Map<string, string>> {
    const rows = (await this.db.query(SELECT_STATES, [toolId])) as { key: string; snapshot: Buffer | null; body: string; updates: Buffer[] }[];
    // A section never opened live has no snapshot: its text is its saved body.
    return new Map(rows.map((r) => [r.key, r.snapshot ? docOf(r.snapshot, r.updates).getText(DESIGN_TEXT).toString() : r.body]));
  }

  /** Stores an update; throws (before storing) when it is not a well-formed Yjs update. */
  async append(toolId: number, key: string, update: Uint8Array, authorId: string | null, manager: EntityManager = this.db.manager): Promise<void> {
    Y.decodeUpdate(update); // a malformed update would poison every later load
    await manager.query(APPEND_UPDATE, [toolId, key, Buffer.from(update), authorId]);
  }

  /**
   * Makes the section's text `body` with the fewest changes (common start and end kept, so people's
   * cursors elsewhere stay put), stores that as an update and returns it; null when nothing changed.
   */
  async replace(manager: EntityManager, toolId: number, key: string, body: string, authorId: string): Promise<Uint8Array | null> {
    const state = await this.load(toolId, key, manager);
    if (!state || state.text === body) return null;
    const before = Y.encodeStateVector(state.doc);
    const text = state.doc.getText(DESIGN_TEXT);
    const old = state.text;
    let start = 0;
    while (start < old.length && start < body.length && old[start] === body[start]) start++;
    let end = 0;
    while (end < old.length - start && end < body.length - start && old[old.length - 1 - end] === body[body.length - 1 - end]) end++;
    state.doc.transact(() => {
      text.delete(start, old.length - start - end);
      text.insert(start, body.slice(start, body.length - end));
    });
    const update = Y.encodeStateAsUpdate(state.doc, before);
    await this.append(toolId, key, update, authorId, manager);
    return update;
  }

  /** Who wrote the last update, and how long ago in ms by the database's clock (automatic versions wait for a pause). */
  async lastUpdate(toolId: number, key: string, manager: EntityManager = this.db.manager): Promise<{ authorId: string | null; ageMs: number } | null> {
    const [row] = await manager.query(LAST_UPDATE, [toolId, key]);
    return row ? { authorId: row.author_id, ageMs: Number(row.age_ms) } : null;
  }

  /** Merges the stored updates into the snapshot once there are many; the rows merged are deleted by id. */
  async compact(toolId: number, key: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT 1 FROM tool_design_sections WHERE tool_id = $1 AND key = $2 FOR UPDATE`, [toolId, key]);
      const state = await this.load(toolId, key, manager);
      if (!state || state.pending.length < COMPACT_AFTER) return;
      await manager.query(REPLACE_SNAPSHOT, [toolId, key, Buffer.from(Y.encodeStateAsUpdate(state.doc))]);
      await manager.query(DELETE_UPDATES, [state.pending]);
    });
  }

  /** True when the section has enough updates stored to be worth compacting. */
  static wantsCompaction(state: LiveState): boolean {
    return state.pending.length >= COMPACT_AFTER;
  }
}
