import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { MarkReadInput, NotificationList, NotificationPreferences, NotificationQuery, PreferencesInput, UnsubscribeQuery, Watch, WatchInput, WatchList, WatchParams } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { EmailService } from './email.service';
import { NotificationsService } from './notifications.service';
import { WatchService } from './watch.service';

class NotificationQueryDto extends createZodDto(NotificationQuery) {}
class NotificationListDto extends createZodDto(NotificationList) {}
class MarkReadDto extends createZodDto(MarkReadInput) {}
class UnreadDto extends createZodDto(z.object({ unread: z.number().int() })) {}
class PreferencesDto extends createZodDto(NotificationPreferences) {}
class PreferencesInputDto extends createZodDto(PreferencesInput) {}
class UnsubscribeQueryDto extends createZodDto(UnsubscribeQuery) {}
class WatchDto extends createZodDto(Watch) {}
class WatchListDto extends createZodDto(WatchList) {}
class WatchParamsDto extends createZodDto(WatchParams) {}
class WatchInputDto extends createZodDto(WatchInput) {}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly service: NotificationsService,
    private readonly email: EmailService,
  ) {}

  @Get()
  @Authenticated()
  @ZodResponse({ status: 200, type: NotificationListDto })
  inbox(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto) {
    return this.service.inbox(user, query);
  }

  @Post('read')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse({ status: 200, type: UnreadDto })
  markRead(@CurrentUser() user: AuthUser, @Body() dto: MarkReadDto) {
    return this.service.markRead(user, dto);
  }

  @Get('preferences')
  @Authenticated()
  @ZodResponse({ status: 200, type: PreferencesDto })
  preferences(@CurrentUser() user: AuthUser) {
    return this.email.preferences(user);
  }

  @Put('preferences')
  @Authenticated()
  @ZodResponse({ status: 200, type: PreferencesDto })
  setPreferences(@CurrentUser() user: AuthUser, @Body() dto: PreferencesInputDto) {
    return this.email.setPreferences(user, dto);
  }

  /** The link in every email: no sign-in, the signed token says who. */
  @Get('unsubscribe')
  @Header('content-type', 'text/html; charset=utf-8')
  unsubscribePage(@Query() { token }: UnsubscribeQueryDto) {
    return this.email.unsubscribe(token);
  }

  /** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the same link. */
  @Post('unsubscribe')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  unsubscribeOneClick(@Query() { token }: UnsubscribeQueryDto) {
    return this.email.unsubscribe(token);
  }
}

@ApiTags('notifications')
@Controller('watches')
export class WatchesController {
  constructor(private readonly watches: WatchService) {}

  @Get()
  @Authenticated()
  @ZodResponse({ status: 200, type: WatchListDto })
  list(@CurrentUser() user: AuthUser) {
    return this.watches.list(user);
  }

  @Get(':subjectType/:subjectId')
  @Authenticated()
  @ZodResponse({ status: 200, type: WatchDto })
  get(@CurrentUser() user: AuthUser, @Param() params: WatchParamsDto) {
    return this.watches.get(user, params);
  }

  @Put(':subjectType/:subjectId')
  @Authenticated()
  @ZodResponse({ status: 200, type: WatchDto })
  set(@CurrentUser() user: AuthUser, @Param() params: WatchParamsDto, @Body() dto: WatchInputDto) {
    return this.watches.set(user, params, dto);
  }
}
