import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { EditMessageInput, FlagInput, Flagged, MessageChanged, MessageRevisions, Reactions } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { IdParam, ReactionParam } from './dto';
import { MessagesService } from './messages.service';

@ApiTags('discussions')
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Patch(':id')
  @Authenticated()
  @Doc({ summary: "Edit one's own message (moderators: any)", returns: MessageChanged, errors: [403, 404, 409] })
  edit(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>, @Body({ schema: EditMessageInput }) dto: z.output<typeof EditMessageInput>) {
    return this.messages.edit(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated()
  @Doc({ summary: "Delete one's own message (moderators: any)", errors: [403, 404] })
  remove(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>) {
    return this.messages.remove(user, id);
  }

  @Get(':id/revisions')
  @Doc({ summary: "A message's earlier texts", returns: MessageRevisions, errors: [404] })
  revisions(@CurrentUser() user: AuthUser | null, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>) {
    return this.messages.revisions(user, id);
  }

  @Put(':id/reactions/:emoji')
  @Authenticated()
  @Doc({ summary: 'Toggle a reaction on a message', returns: Reactions, errors: [404, 409] })
  react(@CurrentUser() user: AuthUser, @Param({ schema: ReactionParam }) { id, emoji }: z.output<typeof ReactionParam>) {
    return this.messages.react(user, id, emoji);
  }

  @Post(':id/flags')
  @HttpCode(202)
  @Authenticated()
  @Doc({ summary: 'Flag a message for moderation', returns: Flagged, status: 202, errors: [404] })
  flag(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>, @Body({ schema: FlagInput }) dto: z.output<typeof FlagInput>) {
    return this.messages.flag(user, id, dto);
  }
}
