import { z } from 'zod';

const id = (what: string) => z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a number`).positive(`${what} must be a number`).max(2_147_483_647, `No such ${what}`);

/** What was asked (page feedback or a thread) linked to the work that answers it (an idea, a milestone or a release). */
export const AnswerInput = z.object({
  source: z.object({ type: z.enum(['feedback', 'thread'], { error: 'Link page feedback or a thread' }), id: id('source') }),
  target: z.object({ type: z.enum(['idea', 'milestone', 'release'], { error: 'Link to an idea, a milestone or a release' }), id: id('target') }),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

export const AnswerView = z.object({
  id: z.number().int(),
  asked: z.object({ type: z.enum(['feedback', 'thread']), id: z.number().int(), text: z.string(), url: z.string().nullable() }),
  done: z.object({ type: z.enum(['idea', 'milestone', 'release']), id: z.number().int(), title: z.string(), url: z.string(), done: z.boolean() }),
  linkedAt: z.string(),
  /** When the people who asked were told (the work was done); null until then. */
  toldAt: z.string().nullable(),
});
export type AnswerView = z.infer<typeof AnswerView>;
export const AnswerList = z.object({ items: z.array(AnswerView) });
export type AnswerList = z.infer<typeof AnswerList>;
/** What a link can point to: recent ideas, milestones and releases, for the picker. */
export const AnswerTarget = z.object({ type: z.enum(['idea', 'milestone', 'release']), id: z.number().int(), title: z.string(), done: z.boolean() });
export const AnswerTargets = z.object({ items: z.array(AnswerTarget) });
export type AnswerTargets = z.infer<typeof AnswerTargets>;
export const AnswerQuery = z.object({ tool: z.string().max(100).optional(), initiative: z.string().max(100).optional() });
