import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AnswerInput, AnswerList, AnswerQuery, AnswerTargets } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { AnswersService } from './answers.service';

@ApiTags('answers')
@Controller('answers')
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @Get()
  @Doc({ summary: '"You said, we did": what was asked about a tool or an initiative and the work that answered it', returns: AnswerList })
  list(@Query({ schema: AnswerQuery }) query: z.output<typeof AnswerQuery>) {
    return this.answers.list(query);
  }

  @Get('targets')
  @Authenticated()
  @Doc({ summary: 'The newest ideas, milestones and releases a link can point to', returns: AnswerTargets })
  targets() {
    return this.answers.targets();
  }

  @Post()
  @Authenticated()
  @Doc({ summary: 'Link page feedback or a thread to the idea, milestone or release that answers it (moderators, its maintainers or leaders)', returns: AnswerList, status: 201, errors: [403, 404, 409] })
  link(@CurrentUser() user: AuthUser, @Body({ schema: AnswerInput }) dto: z.output<typeof AnswerInput>) {
    return this.answers.link(user, dto);
  }
}
