import { z } from 'zod';

export const ThreadSubjectType = z.enum(['tool', 'initiative', 'general']);
export const ThreadKind = z.enum(['discussion', 'question', 'announcement']);
export const FlagReason = z.enum(['personal_data', 'abusive', 'spam', 'other']);

export const MessageBody = z
  .string({ error: 'Write a message' })
  .max(20_000, 'A message must be 20,000 characters or fewer')
  .refine((s) => s.trim().length > 0, 'Write a message')
  .refine((s) => !s.includes('\u0000'), 'A message must not contain null characters');

const SubjectSlug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Subject must be a slug').max(80);

export const CreateThreadInput = z
  .object({
    subjectType: ThreadSubjectType,
    subjectId: SubjectSlug.optional(),
    title: z.string({ error: 'Enter a title' }).trim().min(3, 'Title must be at least 3 characters').max(200, 'Title must be 200 characters or fewer'),
    kind: ThreadKind.default('discussion'),
    body: MessageBody,
  })
  .refine((t) => (t.subjectType === 'general') === (t.subjectId === undefined), {
    path: ['subjectId'],
    message: 'A tool or initiative thread needs its slug; a general one has none',
  });
export type CreateThreadInput = z.input<typeof CreateThreadInput>;

export const ThreadQuery = z.object({
  subjectType: ThreadSubjectType.optional(),
  subjectId: SubjectSlug.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const UpdateThreadInput = z.object({
  title: z.string().trim().min(3).max(200).optional(),
  pinned: z.boolean().optional(),
  locked: z.boolean().optional(),
  /** The accepted answer of a question; null clears it. */
  acceptedMessageId: z.number().int().positive().nullable().optional(),
});

/** Cursors are message positions in the thread (`seq`), which commit in order, so no page misses a row. */
export const MessageQuery = z
  .object({
    before: z.coerce.number().int().positive().optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => q.before === undefined || q.after === undefined, { path: ['before'], message: 'Use before or after, not both' });

export const PostMessageInput = z.object({ body: MessageBody, parentId: z.number().int().positive().optional() });
export const EditMessageInput = z.object({ body: MessageBody });
export const FlagInput = z.object({ reason: FlagReason, note: z.string().trim().max(1000).optional() });
export const ReadInput = z.object({ seq: z.number().int().min(0) });
export const Emoji = z
  .string()
  .min(1)
  .max(32)
  .refine((s) => /^(\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f)+$/u.test(s), 'Choose an emoji');

const Person = z.object({ id: z.string(), displayName: z.string() });

export const Reaction = z.object({ emoji: z.string(), count: z.number().int(), users: z.array(Person) });

export const Message = z.object({
  id: z.number().int(),
  threadId: z.number().int(),
  seq: z.number().int(),
  author: Person,
  parentId: z.number().int().nullable(),
  /** Null once deleted. */
  body: z.string().nullable(),
  mentions: z.array(z.string()),
  /** visible, held (under review: only its author and moderators see it), deleted */
  state: z.enum(['visible', 'held', 'deleted']),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  reactions: z.array(Reaction),
});
export type Message = z.infer<typeof Message>;

export const Thread = z.object({
  id: z.number().int(),
  subjectType: ThreadSubjectType,
  subjectId: z.string().nullable(),
  title: z.string(),
  kind: ThreadKind,
  author: Person,
  pinned: z.boolean(),
  locked: z.boolean(),
  acceptedMessageId: z.number().int().nullable(),
  messageCount: z.number().int(),
  lastSeq: z.number().int(),
  lastMessageAt: z.string(),
  createdAt: z.string(),
});
export type Thread = z.infer<typeof Thread>;

/** A thread as one reader sees it: where they stopped reading and how much is new. */
export const ReaderThread = Thread.extend({ lastReadSeq: z.number().int(), unread: z.number().int() });

// Response bodies of the discussions API, as the OpenAPI document describes them.
export const ThreadList = z.object({ items: z.array(ReaderThread), total: z.number().int() });
export const UnreadTotal = z.object({ total: z.number().int() });
export const ThreadCreated = z.object({ thread: Thread, message: Message });
export const ThreadView = z.object({ thread: ReaderThread, seq: z.number().int() });
export const ThreadChanged = z.object({ thread: Thread });
export const ReadPosition = z.object({ lastReadSeq: z.number().int(), unread: z.number().int() });
export const MessagePage = z.object({ items: z.array(Message), hasMore: z.boolean() });
export const MessageChanged = z.object({ message: Message });
export const Reactions = z.object({ reactions: z.array(Reaction) });
export const Flagged = z.object({ flagged: z.literal(true) });
/** Earlier texts of a message, newest first: what each edit replaced. */
export const MessageRevisions = z.object({ items: z.array(z.object({ body: z.string().nullable(), replacedAt: z.string(), replacedBy: Person })) });
