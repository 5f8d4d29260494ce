import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MarkReadInput, NotificationList, NotificationPreferences, NotificationQuery, PreferencesInput, UnreadCount, UnsubscribeQuery, Watch, WatchInput, WatchList, WatchParams } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { EmailService } from './email.service';
import { NotificationsService } from './notifications.service';
import { WatchService } from './watch.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly service: NotificationsService,
    private readonly email: EmailService,
  ) {}

  @Get()
  @Authenticated()
  @Doc({ summary: "The caller's notifications, newest first", returns: NotificationList })
  inbox(@CurrentUser() user: AuthUser, @Query({ schema: NotificationQuery }) query: z.output<typeof NotificationQuery>) {
    return this.service.inbox(user, query);
  }

  @Post('read')
  @HttpCode(200)
  @Authenticated()
  @Doc({ summary: 'Mark some or all notifications read', returns: UnreadCount })
  markRead(@CurrentUser() user: AuthUser, @Body({ schema: MarkReadInput }) dto: z.output<typeof MarkReadInput>) {
    return this.service.markRead(user, dto);
  }

  @Get('preferences')
  @Authenticated()
  @Doc({ summary: "The caller's email preferences", returns: NotificationPreferences })
  preferences(@CurrentUser() user: AuthUser) {
    return this.email.preferences(user);
  }

  @Put('preferences')
  @Authenticated()
  @Doc({ summary: "Set the caller's email preferences", returns: NotificationPreferences })
  setPreferences(@CurrentUser() user: AuthUser, @Body({ schema: PreferencesInput }) dto: z.output<typeof PreferencesInput>) {
    return this.email.setPreferences(user, dto);
  }

  /** The link in every email: no sign-in, the signed token says who. */
  @Get('unsubscribe')
  @Header('content-type', 'text/html; charset=utf-8')
  @Doc({ summary: 'Stop email notifications from the link in an email (no sign-in)', html: true })
  unsubscribePage(@Query({ schema: UnsubscribeQuery }) { token }: z.output<typeof UnsubscribeQuery>) {
    return this.email.unsubscribe(token);
  }

  /** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` to the same link. */
  @Post('unsubscribe')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @Doc({ summary: 'One-click unsubscribe (RFC 8058) from a mail client', html: true })
  unsubscribeOneClick(@Query({ schema: UnsubscribeQuery }) { token }: z.output<typeof UnsubscribeQuery>) {
    return this.email.unsubscribe(token);
  }
}

@ApiTags('notifications')
@Controller('watches')
export class WatchesController {
  constructor(private readonly watches: WatchService) {}

  @Get()
  @Authenticated()
  @Doc({ summary: 'What the caller watches or has muted', returns: WatchList })
  list(@CurrentUser() user: AuthUser) {
    return this.watches.list(user);
  }

  @Get(':subjectType/:subjectId')
  @Authenticated()
  @Doc({ summary: 'How closely the caller follows one subject', returns: Watch, errors: [404] })
  get(@CurrentUser() user: AuthUser, @Param({ schema: WatchParams }) params: z.output<typeof WatchParams>) {
    return this.watches.get(user, params);
  }

  @Put(':subjectType/:subjectId')
  @Authenticated()
  @Doc({ summary: 'Watch, follow normally or mute one subject', returns: Watch, errors: [404] })
  set(@CurrentUser() user: AuthUser, @Param({ schema: WatchParams }) params: z.output<typeof WatchParams>, @Body({ schema: WatchInput }) dto: z.output<typeof WatchInput>) {
    return this.watches.set(user, params, dto);
  }
}
