import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ActivityList, ActivityQuery, AuthorityList } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { CommunityService } from './community.service';

@ApiTags('community')
@Controller()
export class CommunityController {
  constructor(private readonly community: CommunityService) {}

  @Get('authorities')
  @Doc({ summary: 'The 153 local authorities with their DfE and ONS codes, region and the tools each uses or pilots', returns: AuthorityList })
  authorities(@CurrentUser() user: AuthUser | null) {
    return this.community.authorities(user);
  }

  @Get('activity')
  @Doc({ summary: 'What the community did lately: new tools and releases, initiative updates, threads and answered questions', returns: ActivityList })
  activity(@CurrentUser() user: AuthUser | null, @Query({ schema: ActivityQuery }) query: z.output<typeof ActivityQuery>) {
    return this.community.activity(user, query.limit);
  }
}
