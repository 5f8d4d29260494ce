import { Body, Controller, Delete, Get, HttpCode, Module, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CreateThreadInput, EditMessageInput, Emoji, FlagInput, MessageQuery, PostMessageInput, ReadInput, ThreadQuery, UpdateThreadInput } from '@commons/domain';
import { RateLimiter } from '../common/rate-limiter';
import { Auth, Authenticated, AuthDto } from '../identity/auth.guard';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsCoreModule } from '../notifications/notifications.module';
import { MessageRepository, ThreadRepository } from './discussions.repository';
import { MessageSubject } from './message.subject';
import { MessagesService } from './messages.service';
import { ThreadsService } from './threads.service';

const Id = z.coerce.number({ error: 'id must be a number' }).int().positive().max(Number.MAX_SAFE_INTEGER);
class IdParamDto extends createZodDto(z.object({ id: Id })) {}
class ReactionParamDto extends createZodDto(z.object({ id: Id, emoji: Emoji })) {}
class ThreadQueryDto extends createZodDto(ThreadQuery) {}
class CreateThreadDto extends createZodDto(CreateThreadInput) {}
class UpdateThreadDto extends createZodDto(UpdateThreadInput) {}
class MessageQueryDto extends createZodDto(MessageQuery) {}
class PostMessageDto extends createZodDto(PostMessageInput) {}
class EditMessageDto extends createZodDto(EditMessageInput) {}
class FlagDto extends createZodDto(FlagInput) {}
class ReadDto extends createZodDto(ReadInput) {}

@ApiTags('discussions')
@Controller('threads')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
  ) {}

  @Get()
  list(@Auth() auth: AuthDto | null, @Query() query: ThreadQueryDto) {
    return this.threads.list(auth, query);
  }

  @Get('unread')
  @Authenticated()
  unread(@Auth() auth: AuthDto) {
    return this.threads.unread(auth);
  }

  @Post()
  @Authenticated()
  create(@Auth() auth: AuthDto, @Body() dto: CreateThreadDto) {
    return this.threads.create(auth, dto);
  }

  @Get(':id')
  get(@Auth() auth: AuthDto | null, @Param() { id }: IdParamDto) {
    return this.threads.get(auth, id);
  }

  @Patch(':id')
  @Authenticated()
  update(@Auth() auth: AuthDto, @Param() { id }: IdParamDto, @Body() dto: UpdateThreadDto) {
    return this.threads.update(auth, id, dto);
  }

  @Get(':id/messages')
  messagesPage(@Auth() auth: AuthDto | null, @Param() { id }: IdParamDto, @Query() query: MessageQueryDto) {
    return this.messages.list(auth, id, query);
  }

  @Post(':id/messages')
  @Authenticated()
  post(@Auth() auth: AuthDto, @Param() { id }: IdParamDto, @Body() dto: PostMessageDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.messages.post(auth, id, dto, reply);
  }

  @Put(':id/read')
  @Authenticated()
  read(@Auth() auth: AuthDto, @Param() { id }: IdParamDto, @Body() dto: ReadDto) {
    return this.threads.markRead(auth, id, dto.seq);
  }
}

@ApiTags('discussions')
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Patch(':id')
  @Authenticated()
  edit(@Auth() auth: AuthDto, @Param() { id }: IdParamDto, @Body() dto: EditMessageDto) {
    return this.messages.edit(auth, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated()
  remove(@Auth() auth: AuthDto, @Param() { id }: IdParamDto) {
    return this.messages.remove(auth, id);
  }

  @Get(':id/revisions')
  revisions(@Auth() auth: AuthDto | null, @Param() { id }: IdParamDto) {
    return this.messages.revisions(auth, id);
  }

  @Put(':id/reactions/:emoji')
  @Authenticated()
  react(@Auth() auth: AuthDto, @Param() { id, emoji }: ReactionParamDto) {
    return this.messages.react(auth, id, emoji);
  }

  @Post(':id/flags')
  @HttpCode(202)
  @Authenticated()
  flag(@Auth() auth: AuthDto, @Param() { id }: IdParamDto, @Body() dto: FlagDto) {
    return this.messages.flag(auth, id, dto);
  }
}

/** What the worker needs too: moderation of messages. */
@Module({ imports: [ModerationModule, NotificationsCoreModule], providers: [MessageRepository, MessageSubject], exports: [MessageRepository] })
export class DiscussionsCoreModule {}

@Module({
  imports: [DiscussionsCoreModule, ModerationModule],
  controllers: [ThreadsController, MessagesController],
  providers: [ThreadsService, MessagesService, ThreadRepository, RateLimiter],
  exports: [ThreadsService, MessagesService],
})
export class DiscussionsModule {}
