import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CreateThreadInput, EditMessageInput, Emoji, FlagInput, MessageQuery, PostMessageInput, ReadInput, ThreadQuery, UpdateThreadInput } from '@commons/domain';

const Id = z.coerce.number({ error: 'id must be a number' }).int().positive().max(Number.MAX_SAFE_INTEGER);
export class IdParamDto extends createZodDto(z.object({ id: Id })) {}
export class ReactionParamDto extends createZodDto(z.object({ id: Id, emoji: Emoji })) {}
export class ThreadQueryDto extends createZodDto(ThreadQuery) {}
export class CreateThreadDto extends createZodDto(CreateThreadInput) {}
export class UpdateThreadDto extends createZodDto(UpdateThreadInput) {}
export class MessageQueryDto extends createZodDto(MessageQuery) {}
export class PostMessageDto extends createZodDto(PostMessageInput) {}
export class EditMessageDto extends createZodDto(EditMessageInput) {}
export class FlagDto extends createZodDto(FlagInput) {}
export class ReadDto extends createZodDto(ReadInput) {}
