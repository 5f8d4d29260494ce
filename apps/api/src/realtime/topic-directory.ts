import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ParsedTopic } from '@commons/realtime';
import { prepared, query } from '../database/prepared';

/** One statement per kind of topic that names a row: a subscribe to anything else needs no read. */
const EXISTS = {
  thread: prepared(`SELECT 1 AS found FROM threads WHERE id = $1::bigint`),
  tool: prepared(`SELECT 1 AS found FROM tools WHERE slug = $1`),
  initiative: prepared(`SELECT 1 AS found FROM initiatives WHERE slug = $1`),
  idea: prepared(`SELECT 1 AS found FROM ideas WHERE id = $1::int`),
} as const;

/**
 * Whether a topic names something that exists: `thread:N` of no thread is refused in the subscribe ack, so
 * a socket cannot make the API keep streams, presence and seqs for topics nobody will ever write to.
 */
@Injectable()
export class TopicDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async exists(topic: ParsedTopic): Promise<boolean> {
    if (!(topic.kind in EXISTS)) return true;
    // An id past its column's range names nothing (and would fail the cast).
    if (topic.kind === 'thread' && BigInt(topic.id!) > 9223372036854775807n) return false;
    if (topic.kind === 'idea' && Number(topic.id) > 2147483647) return false;
    const rows = await query<{ found: number }>(this.dataSource.manager, EXISTS[topic.kind as keyof typeof EXISTS], [topic.id]);
    return rows.length > 0;
  }
}
