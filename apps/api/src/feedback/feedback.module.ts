import { Body, Controller, Get, HttpCode, Module, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { FeedbackAccepted, FeedbackInput, FeedbackQuery } from '@commons/domain';
import { RateLimiter } from '../common/rate-limiter';
import { Auth, Authenticated, AuthDto } from '../identity/auth.guard';
import { ModerationModule } from '../moderation/moderation.module';
import { FeedbackService } from './feedback.service';

class FeedbackDto extends createZodDto(FeedbackInput) {}
class FeedbackAcceptedDto extends createZodDto(FeedbackAccepted) {}
class FeedbackQueryDto extends createZodDto(FeedbackQuery) {}

@ApiTags('feedback')
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly service: FeedbackService) {}

  @Post()
  @HttpCode(202)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried submission with the same key lands once' })
  @ZodResponse({ status: 202, type: FeedbackAcceptedDto })
  submit(@Auth() auth: AuthDto | null, @Body() dto: FeedbackDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.service.submit(auth, dto, request, reply);
  }

  @Get()
  @Authenticated()
  list(@Auth() auth: AuthDto, @Query() query: FeedbackQueryDto) {
    return this.service.list(auth, query);
  }
}

@Module({ imports: [ModerationModule], controllers: [FeedbackController], providers: [FeedbackService, RateLimiter], exports: [FeedbackService] })
export class FeedbackModule {}
