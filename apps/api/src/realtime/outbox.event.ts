import { EventEnvelope, EventType, Topic } from '@commons/realtime';

export interface OutboxEvent {
  id: number;
  topic: Topic;
  /** 0 only for a row an earlier version left unnumbered, until the sweeper numbers it. */
  seq: number;
  type: EventType;
  payload: unknown;
  actorId: string | null;
  createdAt: Date;
}

export interface OutboxRow {
  id: string;
  topic: string;
  seq: string | null;
  type: string;
  payload: unknown;
  actor_id: string | null;
  created_at: Date;
}

export const OUTBOX_COLUMNS = 'id, topic, seq, type, payload, actor_id, created_at';

export function fromRow(row: OutboxRow): OutboxEvent {
  return { id: Number(row.id), topic: row.topic as Topic, seq: row.seq === null ? 0 : Number(row.seq), type: row.type as EventType, payload: row.payload, actorId: row.actor_id, createdAt: row.created_at };
}

export function toEnvelope(e: OutboxEvent): EventEnvelope {
  return { id: e.id, topic: e.topic, seq: e.seq, type: e.type, payload: e.payload, at: e.createdAt.toISOString() } as EventEnvelope;
}
