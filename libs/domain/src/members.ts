import { z } from 'zod';

/** `GET /api/members?q=`: members whose display name starts a word with `q`, for @-mention autocomplete. */
export const MemberQuery = z.object({
  q: z
    .string({ error: 'Enter part of a name' })
    .trim()
    .min(1, 'Enter part of a name')
    .max(80, 'A name is 80 characters or fewer')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Names do not contain control characters'),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1, 'limit is 1 to 20').max(20, 'limit is 1 to 20').default(8),
});
export type MemberQuery = z.infer<typeof MemberQuery>;

/** What anyone signed in may know of another member: their id and the name they chose to show. */
export const Member = z.object({ id: z.uuid(), displayName: z.string() });
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;
