import { z } from 'zod';

/** The admin's view of a BullMQ queue: counts by state, and the jobs in the state asked for. */
export const JobList = z.object({
  counts: z.record(z.string(), z.number().int()),
  items: z.array(
    z.object({
      id: z.string().optional(),
      name: z.string(),
      data: z.unknown(),
      attemptsMade: z.number().int(),
      failedReason: z.string().nullable(),
      timestamp: z.string(),
    }),
  ),
});
export const JobRetried = z.object({ id: z.string(), state: z.string() });
