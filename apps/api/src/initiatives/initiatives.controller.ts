import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  Dashboard, Following, InitiativeChanged, InitiativeInput, InitiativeList, InitiativePatch, InitiativeQuery, InitiativeView, MilestoneChanged, MilestoneInput, MilestonePatch, Participating, Slug, UpdateInput, UpdatePosted,
} from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { InitiativesService } from './initiatives.service';

const SlugParam = z.object({ slug: Slug });
const LeaderParam = z.object({ slug: Slug, userId: z.uuid('userId must be a user id') });
const id = z.coerce.number({ error: 'id must be a number' }).int('id must be a number').positive('id must be a number');
const MilestoneParam = z.object({ slug: Slug, id });
type SlugParam = z.output<typeof SlugParam>;
type LeaderParam = z.output<typeof LeaderParam>;

@ApiTags('initiatives')
@Controller('initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  @Doc({ summary: 'List initiatives', returns: InitiativeList })
  list(@Query({ schema: InitiativeQuery }) query: z.output<typeof InitiativeQuery>) {
    return this.initiatives.list(query);
  }

  @Post()
  @Authenticated()
  @Doc({ summary: 'Propose an initiative (the caller leads it)', returns: InitiativeChanged, status: 201, errors: [404, 409] })
  propose(@CurrentUser() user: AuthUser, @Body({ schema: InitiativeInput }) dto: z.output<typeof InitiativeInput>) {
    return this.initiatives.propose(user, dto);
  }

  @Get(':slug')
  @Doc({ summary: 'Get an initiative, with how the caller stands with it', returns: InitiativeView, errors: [404] })
  get(@CurrentUser() user: AuthUser | null, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.initiatives.get(user, slug);
  }

  @Patch(':slug')
  @Authenticated()
  @Doc({ summary: 'Edit an initiative (its leaders)', returns: InitiativeChanged, errors: [403, 404] })
  update(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam, @Body({ schema: InitiativePatch }) dto: z.output<typeof InitiativePatch>) {
    return this.initiatives.update(user, slug, dto);
  }

  @Put(':slug/leaders/:userId')
  @Authenticated()
  @Doc({ summary: 'Add a leader (its leaders)', returns: InitiativeChanged, errors: [403, 404] })
  addLeader(@CurrentUser() user: AuthUser, @Param({ schema: LeaderParam }) { slug, userId }: LeaderParam) {
    return this.initiatives.setLeader(user, slug, userId, true);
  }

  @Delete(':slug/leaders/:userId')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Remove a leader (admins)', returns: InitiativeChanged, errors: [403, 404, 409] })
  removeLeader(@CurrentUser() user: AuthUser, @Param({ schema: LeaderParam }) { slug, userId }: LeaderParam) {
    return this.initiatives.setLeader(user, slug, userId, false);
  }

  @Post(':slug/milestones')
  @Authenticated()
  @Doc({ summary: 'Add a milestone (its leaders)', returns: MilestoneChanged, status: 201, errors: [403, 404] })
  addMilestone(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam, @Body({ schema: MilestoneInput }) dto: z.output<typeof MilestoneInput>) {
    return this.initiatives.addMilestone(user, slug, dto);
  }

  @Patch(':slug/milestones/:id')
  @Authenticated()
  @Doc({ summary: 'Edit or tick off a milestone (its leaders)', returns: MilestoneChanged, errors: [403, 404] })
  updateMilestone(@CurrentUser() user: AuthUser, @Param({ schema: MilestoneParam }) { slug, id }: z.output<typeof MilestoneParam>, @Body({ schema: MilestonePatch }) dto: z.output<typeof MilestonePatch>) {
    return this.initiatives.updateMilestone(user, slug, id, dto);
  }

  @Post(':slug/updates')
  @Authenticated()
  @Doc({ summary: 'Post a progress update (its leaders)', returns: UpdatePosted, status: 201, errors: [403, 404] })
  postUpdate(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam, @Body({ schema: UpdateInput }) dto: z.output<typeof UpdateInput>) {
    return this.initiatives.postUpdate(user, slug, dto);
  }

  @Put(':slug/follow')
  @Authenticated()
  @Doc({ summary: "Follow an initiative's updates", returns: Following, errors: [404] })
  follow(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.initiatives.follow(user, slug, true);
  }

  @Delete(':slug/follow')
  @Authenticated()
  @Doc({ summary: 'Stop following an initiative', returns: Following, errors: [404] })
  unfollow(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.initiatives.follow(user, slug, false);
  }

  @Put(':slug/participation')
  @Authenticated()
  @Doc({ summary: 'Take part in an initiative', returns: Participating, errors: [404] })
  join(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.initiatives.participate(user, slug, true);
  }

  @Delete(':slug/participation')
  @Authenticated()
  @Doc({ summary: 'Stop taking part in an initiative', returns: Participating, errors: [404] })
  leave(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.initiatives.participate(user, slug, false);
  }
}

/** The leaders' dashboard: a path of its own, so no initiative slug can shadow it. */
@ApiTags('initiatives')
@Controller('me/initiatives')
export class DashboardController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  @Authenticated()
  @Doc({ summary: "The caller's initiatives: those they lead or follow", returns: Dashboard })
  dashboard(@CurrentUser() user: AuthUser) {
    return this.initiatives.dashboard(user);
  }
}
