import { Body, Controller, Delete, Get, Global, Module, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { InitiativeInput, InitiativePatch, InitiativeQuery, MilestoneInput, MilestonePatch, Slug, UpdateInput } from '@commons/domain';
import { Auth, Authenticated, AuthDto } from '../identity/auth.guard';
import { InitiativeRepository } from './initiatives.repository';
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
  propose(@Auth() auth: AuthDto, @Body() dto: InitiativeInputDto) {
    return this.initiatives.propose(auth, dto);
  }

  @Get(':slug')
  get(@Auth() auth: AuthDto | null, @Param() { slug }: SlugParamDto) {
    return this.initiatives.get(auth, slug);
  }

  @Patch(':slug')
  @Authenticated()
  update(@Auth() auth: AuthDto, @Param() { slug }: SlugParamDto, @Body() dto: InitiativePatchDto) {
    return this.initiatives.update(auth, slug, dto);
  }

  @Put(':slug/leaders/:userId')
  @Authenticated()
  addLeader(@Auth() auth: AuthDto, @Param() { slug, userId }: LeaderParamDto) {
    return this.initiatives.setLeader(auth, slug, userId, true);
  }

  @Delete(':slug/leaders/:userId')
  @Authenticated({ roles: ['admin'] })
  removeLeader(@Auth() auth: AuthDto, @Param() { slug, userId }: LeaderParamDto) {
    return this.initiatives.setLeader(auth, slug, userId, false);
  }

  @Post(':slug/milestones')
  @Authenticated()
  addMilestone(@Auth() auth: AuthDto, @Param() { slug }: SlugParamDto, @Body() dto: MilestoneInputDto) {
    return this.initiatives.addMilestone(auth, slug, dto);
  }

  @Patch(':slug/milestones/:id')
  @Authenticated()
  updateMilestone(@Auth() auth: AuthDto, @Param() { slug, id }: MilestoneParamDto, @Body() dto: MilestonePatchDto) {
    return this.initiatives.updateMilestone(auth, slug, id, dto);
  }

  @Post(':slug/updates')
  @Authenticated()
  postUpdate(@Auth() auth: AuthDto, @Param() { slug }: SlugParamDto, @Body() dto: UpdateInputDto) {
    return this.initiatives.postUpdate(auth, slug, dto);
  }

  @Put(':slug/follow')
  @Authenticated()
  follow(@Auth() auth: AuthDto, @Param() { slug }: SlugParamDto) {
    return this.initiatives.follow(auth, slug, true);
  }

  @Delete(':slug/follow')
  @Authenticated()
  unfollow(@Auth() auth: AuthDto, @Param() { slug }: SlugParamDto) {
    return this.initiatives.follow(auth, slug, false);
  }

  @Put(':slug/participation')
  @Authenticated()
  join(@Auth() auth: AuthDto, @Param() { slug }: SlugParamDto) {
    return this.initiatives.participate(auth, slug, true);
  }

  @Delete(':slug/participation')
  @Authenticated()
  leave(@Auth() auth: AuthDto, @Param() { slug }: SlugParamDto) {
    return this.initiatives.participate(auth, slug, false);
  }
}

/** The leaders' dashboard: a path of its own, so no initiative slug can shadow it. */
@ApiTags('initiatives')
@Controller('me/initiatives')
export class DashboardController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  @Authenticated()
  dashboard(@Auth() auth: AuthDto) {
    return this.initiatives.dashboard(auth);
  }
}

/**
 * The repository for both processes: global, so the worker's notifications fan-out can ask who follows
 * an initiative without the notifications module depending on this one.
 */
@Global()
@Module({ providers: [InitiativeRepository], exports: [InitiativeRepository] })
export class InitiativesCoreModule {}

@Module({
  imports: [InitiativesCoreModule],
  controllers: [InitiativesController, DashboardController],
  providers: [InitiativesService],
  exports: [InitiativesService],
})
export class InitiativesModule {}
