import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { FeedbackAccepted, FeedbackInput, FeedbackQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { FeedbackService } from './feedback.service';

class FeedbackDto extends createZodDto(FeedbackInput) {}
class FeedbackAcceptedDto extends createZodDto(FeedbackAccepted) {}
class FeedbackQueryDto extends createZodDto(FeedbackQuery) {}

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
  @ZodResponse({ status: 202, type: FeedbackAcceptedDto })
  submit(@CurrentUser() user: AuthUser | null, @Body() dto: FeedbackDto, @Req() request: FastifyRequest) {
    return this.service.submit(user, dto, { ip: request.ip, idempotencyKey: idempotencyKey(request) });
  }

  @Get()
  @Authenticated()
  list(@CurrentUser() user: AuthUser, @Query() query: FeedbackQueryDto) {
    return this.service.list(user, query);
  }
}
