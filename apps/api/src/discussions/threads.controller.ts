import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  CreateThreadInput, MessageChanged, MessagePage, MessageQuery, PostMessageInput, ReadInput, ReadPosition, ThreadChanged, ThreadCreated, ThreadList, ThreadQuery, ThreadView, UnreadTotal, UpdateThreadInput,
} from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { IdParam } from './dto';
import { MessagesService } from './messages.service';
import { ThreadsService } from './threads.service';

@ApiTags('discussions')
@Controller('threads')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
  ) {}

  @Get()
  @Doc({ summary: 'List threads, optionally of one tool or initiative', returns: ThreadList })
  list(@CurrentUser() user: AuthUser | null, @Query({ schema: ThreadQuery }) query: z.output<typeof ThreadQuery>) {
    return this.threads.list(user, query);
  }

  @Get('unread')
  @Authenticated()
  @Doc({ summary: 'Count unread messages in the threads the caller reads', returns: UnreadTotal })
  unread(@CurrentUser() user: AuthUser) {
    return this.threads.unread(user);
  }

  @Post()
  @Authenticated()
  @Doc({ summary: 'Start a thread with its first message', returns: ThreadCreated, status: 201, errors: [403, 404, 429] })
  create(@CurrentUser() user: AuthUser, @Body({ schema: CreateThreadInput }) dto: z.output<typeof CreateThreadInput>) {
    return this.threads.create(user, dto);
  }

  @Get(':id')
  @Doc({ summary: 'Get a thread, with where the caller stopped reading', returns: ThreadView, errors: [404] })
  get(@CurrentUser() user: AuthUser | null, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>) {
    return this.threads.get(user, id);
  }

  @Patch(':id')
  @Authenticated()
  @Doc({ summary: 'Rename, pin, lock or accept an answer in a thread', returns: ThreadChanged, errors: [403, 404] })
  update(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>, @Body({ schema: UpdateThreadInput }) dto: z.output<typeof UpdateThreadInput>) {
    return this.threads.update(user, id, dto);
  }

  @Get(':id/messages')
  @Doc({ summary: "A page of a thread's messages (cursor: before or after a seq)", returns: MessagePage, errors: [404] })
  messagesPage(@CurrentUser() user: AuthUser | null, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>, @Query({ schema: MessageQuery }) query: z.output<typeof MessageQuery>) {
    return this.messages.list(user, id, query);
  }

  @Post(':id/messages')
  @Authenticated()
  @Doc({ summary: 'Post a message (or a reply) to a thread', returns: MessageChanged, status: 201, errors: [403, 404, 409, 429] })
  post(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>, @Body({ schema: PostMessageInput }) dto: z.output<typeof PostMessageInput>) {
    return this.messages.post(user, id, dto);
  }

  @Put(':id/read')
  @Authenticated()
  @Doc({ summary: 'Record how far the caller has read a thread', returns: ReadPosition, errors: [404] })
  read(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>, @Body({ schema: ReadInput }) dto: z.output<typeof ReadInput>) {
    return this.threads.markRead(user, id, dto.seq);
  }
}
