import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { GuideFromThreadInput, GuideInput, GuideList, GuidePatch, GuideQuery, GuideView, Slug } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { GuidesService } from './guides.service';

const SlugParam = z.object({ slug: Slug });
type SlugParam = z.output<typeof SlugParam>;
const ThreadParam = z.object({ id: z.coerce.number({ error: 'id must be a number' }).int('id must be a number').positive('id must be a number').max(Number.MAX_SAFE_INTEGER, 'No such thread') });
type ThreadParam = z.output<typeof ThreadParam>;

@ApiTags('guides')
@Controller('guides')
export class GuidesController {
  constructor(private readonly guides: GuidesService) {}

  @Get()
  @Doc({ summary: 'Guides, optionally those linked to a tool or an initiative', returns: GuideList })
  list(@CurrentUser() user: AuthUser | null, @Query({ schema: GuideQuery }) query: z.output<typeof GuideQuery>) {
    return this.guides.list(user, query);
  }

  @Post()
  @Authenticated()
  @Doc({ summary: 'Write a guide (moderators, tool maintainers, initiative leaders); you own it', returns: GuideView, status: 201, errors: [403, 409] })
  create(@CurrentUser() user: AuthUser, @Body({ schema: GuideInput }) dto: z.output<typeof GuideInput>) {
    return this.guides.create(user, dto);
  }

  @Get(':slug')
  @Doc({ summary: 'A guide with its links, revisions and source thread', returns: GuideView, errors: [404] })
  get(@CurrentUser() user: AuthUser | null, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.guides.get(user, slug);
  }

  @Patch(':slug')
  @Authenticated()
  @Doc({ summary: 'Edit a guide: a new revision (its owner, moderators, admins)', returns: GuideView, errors: [403, 404] })
  update(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam, @Body({ schema: GuidePatch }) dto: z.output<typeof GuidePatch>) {
    return this.guides.update(user, slug, dto);
  }

  @Post(':slug/reviewed')
  @Authenticated()
  @Doc({ summary: 'Confirm the guide is still right: last reviewed becomes today', returns: GuideView, errors: [403, 404] })
  reviewed(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.guides.reviewed(user, slug);
  }
}

/** A guide made from a thread lives with the thread's routes: POST /api/threads/:id/guide. */
@ApiTags('guides')
@Controller('threads')
export class ThreadGuideController {
  constructor(private readonly guides: GuidesService) {}

  @Post(':id/guide')
  @Authenticated()
  @Doc({ summary: 'Turn a well-answered thread into a guide that links back to it (moderators, the tool’s maintainers)', returns: GuideView, status: 201, errors: [403, 404, 409] })
  fromThread(@CurrentUser() user: AuthUser, @Param({ schema: ThreadParam }) { id }: ThreadParam, @Body({ schema: GuideFromThreadInput }) dto: z.output<typeof GuideFromThreadInput>) {
    return this.guides.fromThread(user, id, dto);
  }
}
