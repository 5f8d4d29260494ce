import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { FeedbackAccepted, FeedbackInput, FeedbackList, FeedbackQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { FeedbackService } from './feedback.service';

/** A well-formed Idempotency-Key header, else none (a malformed one is ignored, not refused). */
function idempotencyKey(request: FastifyRequest): string | null {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && /^[\x21-\x7e]{1,200}$/.test(key) ? key : null;
}

@ApiTags('feedback')
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly service: FeedbackService) {}

  @Post()
  @HttpCode(202)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried submission with the same key lands once' })
  @Doc({ summary: 'Send page feedback (anyone); it is moderated before anyone else sees it', returns: FeedbackAccepted, status: 202, errors: [429] })
  submit(@CurrentUser() user: AuthUser | null, @Body({ schema: FeedbackInput }) dto: z.output<typeof FeedbackInput>, @Req() request: FastifyRequest) {
    return this.service.submit(user, dto, { ip: request.ip, idempotencyKey: idempotencyKey(request) });
  }

  @Get()
  @Authenticated()
  @Doc({ summary: "Published feedback (moderators: all; maintainers and leaders: their pages')", returns: FeedbackList, errors: [403] })
  list(@CurrentUser() user: AuthUser, @Query({ schema: FeedbackQuery }) query: z.output<typeof FeedbackQuery>) {
    return this.service.list(user, query);
  }
}
