import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MemberList, MemberQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { MembersService } from './members.service';

@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(private readonly service: MembersService) {}

  @Get()
  @Authenticated()
  @Doc({ summary: 'Find members by name, for @-mentions (id and display name only)', returns: MemberList, errors: [429] })
  find(@CurrentUser() user: AuthUser, @Query({ schema: MemberQuery }) query: z.output<typeof MemberQuery>) {
    return this.service.find(user, query);
  }
}
