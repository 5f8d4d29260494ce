import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { EditMessageDto, FlagDto, IdParamDto, ReactionParamDto } from './dto';
import { MessagesService } from './messages.service';

@ApiTags('discussions')
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Patch(':id')
  @Authenticated()
  edit(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @Body() dto: EditMessageDto) {
    return this.messages.edit(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated()
  remove(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto) {
    return this.messages.remove(user, id);
  }

  @Get(':id/revisions')
  revisions(@CurrentUser() user: AuthUser | null, @Param() { id }: IdParamDto) {
    return this.messages.revisions(user, id);
  }

  @Put(':id/reactions/:emoji')
  @Authenticated()
  react(@CurrentUser() user: AuthUser, @Param() { id, emoji }: ReactionParamDto) {
    return this.messages.react(user, id, emoji);
  }

  @Post(':id/flags')
  @HttpCode(202)
  @Authenticated()
  flag(@CurrentUser() user: AuthUser, @Param() { id }: IdParamDto, @Body() dto: FlagDto) {
    return this.messages.flag(user, id, dto);
  }
}
