import { z } from 'zod';

/** A local authority and the tools it records using or piloting. */
export const AuthorityUse = z.object({ slug: z.string(), name: z.string(), status: z.enum(['uses', 'pilots']) });
export const Authority = z.object({
  id: z.number().int(),
  name: z.string(),
  laCode: z.string().nullable(),
  onsCode: z.string().nullable(),
  region: z.string().nullable(),
  uses: z.array(AuthorityUse),
});
export type Authority = z.infer<typeof Authority>;
export const AuthorityList = z.object({ items: z.array(Authority) });
export type AuthorityList = z.infer<typeof AuthorityList>;

export const ActivityType = z.enum(['tool.proposed', 'tool.released', 'initiative.update', 'question.answered', 'thread.started', 'idea.raised', 'idea.backed', 'guide.published']);
export type ActivityType = z.infer<typeof ActivityType>;
export const ActivityItem = z.object({
  type: ActivityType,
  title: z.string(),
  /** Where it happened: a page of the web client. */
  url: z.string(),
  at: z.string(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;
export const ActivityList = z.object({ items: z.array(ActivityItem) });
export type ActivityList = z.infer<typeof ActivityList>;
export const ActivityQuery = z.object({
  limit: z.coerce.number({ error: 'limit must be a number' }).int('limit must be a whole number').min(1, 'limit must be 1 to 50').max(50, 'limit must be 1 to 50').default(15),
});
