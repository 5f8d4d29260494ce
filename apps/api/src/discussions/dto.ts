import { z } from 'zod';
import { Emoji } from '@commons/domain';

const Id = z.coerce.number({ error: 'id must be a number' }).int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParam = z.object({ id: Id });
export const ReactionParam = z.object({ id: Id, emoji: Emoji });
