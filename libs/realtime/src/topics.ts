import { z } from 'zod';

/** Every realtime topic (docs/architecture.md, "Topics"). */
export type Topic = `thread:${string}` | `tool:${string}` | `initiative:${string}` | `idea:${string}` | 'catalogue' | 'moderation' | `user:${string}`;

export const topics = {
  thread: (id: number | string): Topic => `thread:${id}`,
  tool: (slug: string): Topic => `tool:${slug}`,
  initiative: (slug: string): Topic => `initiative:${slug}`,
  idea: (id: number | string): Topic => `idea:${id}`,
  catalogue: 'catalogue' as Topic,
  moderation: 'moderation' as Topic,
  user: (id: string): Topic => `user:${id}`,
};

const PATTERNS: [kind: ParsedTopic['kind'], pattern: RegExp][] = [
  ['thread', /^thread:([1-9][0-9]{0,17})$/],
  ['tool', /^tool:([a-z0-9]+(?:-[a-z0-9]+)*)$/],
  ['initiative', /^initiative:([a-z0-9]+(?:-[a-z0-9]+)*)$/],
  ['idea', /^idea:([1-9][0-9]{0,9})$/],
  ['catalogue', /^catalogue$/],
  ['moderation', /^moderation$/],
  ['user', /^user:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/],
];

export type ParsedTopic = { kind: 'thread' | 'tool' | 'initiative' | 'idea' | 'catalogue' | 'moderation' | 'user'; id: string | null; topic: Topic };

/** The topic's kind and id, or null for anything that is not a topic. */
export function parseTopic(topic: string): ParsedTopic | null {
  if (topic.length > 120) return null;
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(topic);
    if (match) return { kind, id: match[1] ?? null, topic: topic as Topic };
  }
  return null;
}

export const TopicSchema = z.string().max(120).refine((t) => parseTopic(t) !== null, 'Unknown topic');
