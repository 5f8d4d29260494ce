import { z } from 'zod';
import { Person, SectionKey, Slug } from './tools';

/**
 * Live co-editing of design documents (docs/architecture.md, "Design documents live"). Each section is
 * a Yjs document whose text is the root type `body`; these are the socket payloads and the REST inputs
 * around it.
 */
export const DESIGN_TEXT = 'body';
/** The longest a section may be, as SectionEdit says for the REST route. */
export const DESIGN_SECTION_MAX = 50_000;

/** client → server `design:join` / `design:leave`. */
export const DesignJoinInput = z.object({ slug: Slug, key: SectionKey });
export type DesignJoinInput = z.infer<typeof DesignJoinInput>;

const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'update must be binary').refine((v) => v.byteLength > 0 && v.byteLength <= 512 * 1024, 'update must be 1 byte to 512 KiB');

/** client → server `design:update` (a Yjs update) and `design:awareness` (a y-protocols awareness update). */
export const DesignUpdateInput = DesignJoinInput.extend({ update: Bytes });
export type DesignUpdateInput = z.infer<typeof DesignUpdateInput>;

/** The join's ack. Editors get the document's state; readers get its checked text only. */
export type DesignJoinAck =
  | { ok: true; editor: true; held: boolean; state: Uint8Array }
  | { ok: true; editor: false; held: boolean; body: string; clock: number }
  | { ok: false; error: string };

/** server → editors: `design:update` {slug, key, update}; `design:awareness` {slug, key, update}; `design:gone` {slug, key, clients}. */
/** server → readers: `design:text` {slug, key, body, clock} (keep the highest clock); server → everyone: `design:held` {slug, key, held}. */

export const NamedVersionInput = z.object({
  name: z.string().trim().min(1, 'Name the version').max(80, 'Name must be 80 characters or fewer'),
});
export type NamedVersionInput = z.infer<typeof NamedVersionInput>;

export const RestoreInput = z.object({
  revision: z.number({ error: 'revision must be a revision number' }).int().min(1, 'revision must be a revision number'),
});
export type RestoreInput = z.infer<typeof RestoreInput>;

export const CommentInput = z.object({
  body: z.string().trim().min(1, 'Write a comment').max(5000, 'Comment must be 5,000 characters or fewer'),
  /** the passage commented on, as it read when selected */
  quote: z.string().max(2000, 'Select at most 2,000 characters').default(''),
  /** Yjs relative positions (base64) of the passage's start and end, so it follows later edits */
  anchor: z.object({ start: z.string().max(200), end: z.string().max(200) }).nullable().default(null),
  /** a reply names the comment it answers */
  parentId: z.number().int().positive().nullable().default(null),
});
export type CommentInput = z.input<typeof CommentInput>;
export type CommentFields = z.output<typeof CommentInput>;

export const DesignComment = z.object({
  id: z.number().int(),
  key: z.string(),
  parentId: z.number().int().nullable(),
  author: Person.nullable(),
  body: z.string(),
  quote: z.string(),
  anchor: z.object({ start: z.string(), end: z.string() }).nullable(),
  resolved: z.boolean(),
  createdAt: z.string(),
});
export type DesignComment = z.infer<typeof DesignComment>;
export const CommentList = z.object({ items: z.array(DesignComment) });
export const CommentSaved = z.object({ comment: DesignComment });

/** The moderators' list of sections held for personal data. */
export const HeldSections = z.object({
  items: z.array(z.object({ slug: z.string(), toolName: z.string(), key: z.string(), title: z.string(), heldAt: z.string(), kinds: z.array(z.string()) })),
});
export type HeldSections = z.infer<typeof HeldSections>;
