import { Body, Controller, Get, Header, HttpCode, Module, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { MarkReadInput, NotificationList, NotificationPreferences, NotificationQuery, PreferencesInput, UnsubscribeQuery, Watch, WatchInput, WatchList, WatchParams } from '@commons/domain';
import { Auth, Authenticated, AuthDto } from '../identity/auth.guard';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { EmailService } from './email.service';
import { MailService } from './mail.service';
import { NotificationRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PreferencesRepository } from './preferences.repository';
import { RecipientsService } from './recipients.service';
import { WatchRepository } from './watch.repository';
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
  inbox(@Auth() auth: AuthDto, @Query() query: NotificationQueryDto) {
    return this.service.inbox(auth, query);
  }

  @Post('read')
  @HttpCode(200)
  @Authenticated()
  @ZodResponse({ status: 200, type: UnreadDto })
  markRead(@Auth() auth: AuthDto, @Body() dto: MarkReadDto) {
    return this.service.markRead(auth, dto);
  }

  @Get('preferences')
  @Authenticated()
  @ZodResponse({ status: 200, type: PreferencesDto })
  preferences(@Auth() auth: AuthDto) {
    return this.email.preferences(auth);
  }

  @Put('preferences')
  @Authenticated()
  @ZodResponse({ status: 200, type: PreferencesDto })
  setPreferences(@Auth() auth: AuthDto, @Body() dto: PreferencesInputDto) {
    return this.email.setPreferences(auth, dto);
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
  list(@Auth() auth: AuthDto) {
    return this.watches.list(auth);
  }

  @Get(':subjectType/:subjectId')
  @Authenticated()
  @ZodResponse({ status: 200, type: WatchDto })
  get(@Auth() auth: AuthDto, @Param() params: WatchParamsDto) {
    return this.watches.get(auth, params);
  }

  @Put(':subjectType/:subjectId')
  @Authenticated()
  @ZodResponse({ status: 200, type: WatchDto })
  set(@Auth() auth: AuthDto, @Param() params: WatchParamsDto, @Body() dto: WatchInputDto) {
    return this.watches.set(auth, params, dto);
  }
}

/** What both processes need: the fan-out, its rules and email. */
@Module({
  providers: [NotificationsService, NotificationRepository, RecipientsService, WatchRepository, PreferencesRepository, MailService, EmailService],
  exports: [NotificationsService, EmailService, WatchRepository],
})
export class NotificationsCoreModule {}

@Module({ imports: [NotificationsCoreModule, InitiativesModule], controllers: [NotificationsController, WatchesController], providers: [WatchService] })
export class NotificationsModule {}
