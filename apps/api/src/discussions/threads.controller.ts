import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { CreateThreadDto, IdParamDto, MessageQueryDto, PostMessageDto, ReadDto, ThreadQueryDto, UpdateThreadDto } from './dto';
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
  list(@CurrentUser() user: AuthUser | null, @Query() query: ThreadQueryDto) {
    return this.threads.list(user, query);
  }

  @Get('unread')
  @Authenticated()
  unread(@CurrentUser() user: AuthUser) {
    return this.threads.unread(user);
  }

  @Post()
  @Authenticated()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateThreadDto) {
    return this.threads.create(user, dto);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser | null, @Param() { id }: IdParamDto) {
    return this.threads.get(user, id);
  }

  @Patch(':id')
  @Authenticated()
  update(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @Body() dto: UpdateThreadDto) {
    return this.threads.update(user, id, dto);
  }

  @Get(':id/messages')
  messagesPage(@CurrentUser() user: AuthUser | null, @Param() { id }: IdParamDto, @Query() query: MessageQueryDto) {
    return this.messages.list(user, id, query);
  }

  @Post(':id/messages')
  @Authenticated()
  post(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @Body() dto: PostMessageDto) {
    return this.messages.post(user, id, dto);
  }

  @Put(':id/read')
  @Authenticated()
  read(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @Body() dto: ReadDto) {
    return this.threads.markRead(user, id, dto.seq);
  }
}
