import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuditTrail, DecisionInput, ModerationItemView, ModerationOriginal, ModerationQueue, ModerationQueueQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { ModerationService } from './moderation.service';

const ItemParam = z.object({ id: z.coerce.number({ error: 'id must be a number' }).int().positive() });
type ItemParam = z.output<typeof ItemParam>;

@ApiTags('moderation')
@Controller('moderation')
export class ModerationController {
  constructor(private readonly service: ModerationService) {}

  @Get('queue')
  @Authenticated({ roles: ['moderator', 'admin'] })
  @Doc({ summary: 'The moderation queue (moderators)', returns: ModerationQueue, errors: [403] })
  queue(@Query({ schema: ModerationQueueQuery }) query: z.output<typeof ModerationQueueQuery>) {
    return this.service.queue(query);
  }

  @Get('items/:id')
  @Authenticated({ roles: ['moderator', 'admin'] })
  @Doc({ summary: 'One moderation item (moderators)', returns: ModerationItemView, errors: [403, 404] })
  item(@Param({ schema: ItemParam }) { id }: ItemParam) {
    return this.service.item(id);
  }

  @Post('items/:id/decision')
  @HttpCode(200)
  @Authenticated({ roles: ['moderator', 'admin'] })
  @Doc({ summary: 'Approve, redact or reject an item (moderators)', returns: ModerationItemView, errors: [403, 404, 409] })
  decide(@CurrentUser() user: AuthUser, @Param({ schema: ItemParam }) { id }: ItemParam, @Body({ schema: DecisionInput }) dto: z.output<typeof DecisionInput>) {
    return this.service.decide(user, id, dto);
  }

  /** The original text behind the redacted copy; recorded in the item's audit log. */
  @Post('items/:id/original')
  @HttpCode(200)
  @Authenticated({ roles: ['moderator', 'admin'] })
  @Doc({ summary: 'The original text behind a redaction (moderators; audited)', returns: ModerationOriginal, errors: [403, 404] })
  original(@CurrentUser() user: AuthUser, @Param({ schema: ItemParam }) { id }: ItemParam) {
    return this.service.original(user, id);
  }

  @Get('items/:id/audit')
  @Authenticated({ roles: ['moderator', 'admin'] })
  @Doc({ summary: "An item's audit log (moderators)", returns: AuditTrail, errors: [403, 404] })
  audit(@Param({ schema: ItemParam }) { id }: ItemParam) {
    return this.service.audit(id);
  }
}
