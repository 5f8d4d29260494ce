import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DecisionInput, ModerationQueueQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { ModerationService } from './moderation.service';

class QueueQueryDto extends createZodDto(ModerationQueueQuery) {}
class DecisionDto extends createZodDto(DecisionInput) {}
class ItemParamDto extends createZodDto(z.object({ id: z.coerce.number({ error: 'id must be a number' }).int().positive() })) {}

@ApiTags('moderation')
@Controller('moderation')
export class ModerationController {
  constructor(private readonly service: ModerationService) {}

  @Get('queue')
  @Authenticated({ roles: ['moderator', 'admin'] })
  queue(@Query() query: QueueQueryDto) {
    return this.service.queue(query);
  }

  @Get('items/:id')
  @Authenticated({ roles: ['moderator', 'admin'] })
  item(@Param() { id }: ItemParamDto) {
    return this.service.item(id);
  }

  @Post('items/:id/decision')
  @HttpCode(200)
  @Authenticated({ roles: ['moderator', 'admin'] })
  decide(@CurrentUser() user: AuthUser, @Param() { id }: ItemParamDto, @Body() dto: DecisionDto) {
    return this.service.decide(user, id, dto);
  }

  /** The original text behind the redacted copy; recorded in the item's audit log. */
  @Post('items/:id/original')
  @HttpCode(200)
  @Authenticated({ roles: ['moderator', 'admin'] })
  original(@CurrentUser() user: AuthUser, @Param() { id }: ItemParamDto) {
    return this.service.original(user, id);
  }

  @Get('items/:id/audit')
  @Authenticated({ roles: ['moderator', 'admin'] })
  audit(@Param() { id }: ItemParamDto) {
    return this.service.audit(id);
  }
}
