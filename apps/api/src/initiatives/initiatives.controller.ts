import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { InitiativeInput, InitiativePatch, InitiativeQuery, MilestoneInput, MilestonePatch, Slug, UpdateInput } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { InitiativesService } from './initiatives.service';

class InitiativeQueryDto extends createZodDto(InitiativeQuery) {}
class InitiativeInputDto extends createZodDto(InitiativeInput) {}
class InitiativePatchDto extends createZodDto(InitiativePatch) {}
class MilestoneInputDto extends createZodDto(MilestoneInput) {}
class MilestonePatchDto extends createZodDto(MilestonePatch) {}
class UpdateInputDto extends createZodDto(UpdateInput) {}
class SlugParamDto extends createZodDto(z.object({ slug: Slug })) {}
class LeaderParamDto extends createZodDto(z.object({ slug: Slug, userId: z.uuid('userId must be a user id') })) {}
const id = z.coerce.number({ error: 'id must be a number' }).int('id must be a number').positive('id must be a number');
class MilestoneParamDto extends createZodDto(z.object({ slug: Slug, id })) {}

@ApiTags('initiatives')
@Controller('initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  list(@Query() query: InitiativeQueryDto) {
    return this.initiatives.list(query);
  }

  @Post()
  @Authenticated()
  propose(@CurrentUser() user: AuthUser, @Body() dto: InitiativeInputDto) {
    return this.initiatives.propose(user, dto);
  }

  @Get(':slug')
  get(@CurrentUser() user: AuthUser | null, @Param() { slug }: SlugParamDto) {
    return this.initiatives.get(user, slug);
  }

  @Patch(':slug')
  @Authenticated()
  update(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto, @Body() dto: InitiativePatchDto) {
    return this.initiatives.update(user, slug, dto);
  }

  @Put(':slug/leaders/:userId')
  @Authenticated()
  addLeader(@CurrentUser() user: AuthUser, @Param() { slug, userId }: LeaderParamDto) {
    return this.initiatives.setLeader(user, slug, userId, true);
  }

  @Delete(':slug/leaders/:userId')
  @Authenticated({ roles: ['admin'] })
  removeLeader(@CurrentUser() user: AuthUser, @Param() { slug, userId }: LeaderParamDto) {
    return this.initiatives.setLeader(user, slug, userId, false);
  }

  @Post(':slug/milestones')
  @Authenticated()
  addMilestone(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto, @Body() dto: MilestoneInputDto) {
    return this.initiatives.addMilestone(user, slug, dto);
  }

  @Patch(':slug/milestones/:id')
  @Authenticated()
  updateMilestone(@CurrentUser() user: AuthUser, @Param() { slug, id }: MilestoneParamDto, @Body() dto: MilestonePatchDto) {
    return this.initiatives.updateMilestone(user, slug, id, dto);
  }

  @Post(':slug/updates')
  @Authenticated()
  postUpdate(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto, @Body() dto: UpdateInputDto) {
    return this.initiatives.postUpdate(user, slug, dto);
  }

  @Put(':slug/follow')
  @Authenticated()
  follow(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto) {
    return this.initiatives.follow(user, slug, true);
  }

  @Delete(':slug/follow')
  @Authenticated()
  unfollow(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto) {
    return this.initiatives.follow(user, slug, false);
  }

  @Put(':slug/participation')
  @Authenticated()
  join(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto) {
    return this.initiatives.participate(user, slug, true);
  }

  @Delete(':slug/participation')
  @Authenticated()
  leave(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto) {
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
  dashboard(@CurrentUser() user: AuthUser) {
    return this.initiatives.dashboard(user);
  }
}
