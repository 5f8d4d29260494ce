import { ArgumentsHost, Body, Catch, Controller, Delete, ExceptionFilter, Get, Param, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AdoptionInput, CompareQuery, NewSection, ReleaseInput, SectionConflict, SectionEdit, SectionKey, Slug, ToolInput, ToolPatch, ToolQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { AdoptionService } from './adoption.service';
import { DesignService, StaleRevision } from './design.service';
import { ToolsService } from './tools.service';

class ToolQueryDto extends createZodDto(ToolQuery) {}
class ToolInputDto extends createZodDto(ToolInput) {}
class ToolPatchDto extends createZodDto(ToolPatch) {}
class ReleaseInputDto extends createZodDto(ReleaseInput) {}
class AdoptionInputDto extends createZodDto(AdoptionInput) {}
class SectionEditDto extends createZodDto(SectionEdit) {}
class NewSectionDto extends createZodDto(NewSection) {}
class CompareQueryDto extends createZodDto(CompareQuery) {}
class SlugParamDto extends createZodDto(z.object({ slug: Slug })) {}
class SectionParamDto extends createZodDto(z.object({ slug: Slug, key: SectionKey })) {}
class MaintainerParamDto extends createZodDto(z.object({ slug: Slug, userId: z.uuid('userId must be a user id') })) {}
const organisationId = z.coerce.number({ error: 'organisationId must be a number' }).int('organisationId must be a number').positive('organisationId must be a number');
class AdoptionParamDto extends createZodDto(z.object({ slug: Slug, organisationId })) {}
class OrganisationParamDto extends createZodDto(z.object({ id: organisationId })) {}

/** The contract's 409, plus the section as it now is, so the editor can merge. */
@Catch(StaleRevision)
class StaleRevisionFilter implements ExceptionFilter {
  catch(e: StaleRevision, host: ArgumentsHost) {
    const body: SectionConflict = { error: { code: 'conflict', message: e.message, current: e.current } };
    return host.switchToHttp().getResponse<FastifyReply>().status(409).send(body);
  }
}

@ApiTags('tools')
@Controller('tools')
@UseFilters(StaleRevisionFilter)
export class ToolsController {
  constructor(
    private readonly tools: ToolsService,
    private readonly adoption: AdoptionService,
    private readonly design: DesignService,
  ) {}

  @Get()
  search(@Query() query: ToolQueryDto) {
    return this.tools.search(query);
  }

  @Post()
  @Authenticated()
  propose(@CurrentUser() user: AuthUser, @Body() dto: ToolInputDto) {
    return this.tools.propose(user, dto);
  }

  @Get(':slug')
  get(@Param() { slug }: SlugParamDto) {
    return this.tools.get(slug);
  }

  @Patch(':slug')
  @Authenticated()
  update(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto, @Body() dto: ToolPatchDto) {
    return this.tools.update(user, slug, dto);
  }

  @Put(':slug/maintainers/:userId')
  @Authenticated({ roles: ['admin'] })
  addMaintainer(@CurrentUser() user: AuthUser, @Param() { slug, userId }: MaintainerParamDto) {
    return this.tools.setMaintainer(user, slug, userId, true);
  }

  @Delete(':slug/maintainers/:userId')
  @Authenticated({ roles: ['admin'] })
  removeMaintainer(@CurrentUser() user: AuthUser, @Param() { slug, userId }: MaintainerParamDto) {
    return this.tools.setMaintainer(user, slug, userId, false);
  }

  @Get(':slug/releases')
  releases(@Param() { slug }: SlugParamDto) {
    return this.tools.releases(slug);
  }

  @Post(':slug/releases')
  @Authenticated()
  publish(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto, @Body() dto: ReleaseInputDto) {
    return this.tools.publish(user, slug, dto);
  }

  @Get(':slug/adoptions')
  adoptions(@Param() { slug }: SlugParamDto) {
    return this.adoption.forTool(slug);
  }

  @Put(':slug/adoptions/:organisationId')
  @Authenticated()
  adopt(@CurrentUser() user: AuthUser, @Param() { slug, organisationId }: AdoptionParamDto, @Body() dto: AdoptionInputDto) {
    return this.adoption.record(user, slug, organisationId, dto.status);
  }

  @Get(':slug/design')
  designDocument(@Param() { slug }: SlugParamDto) {
    return this.design.get(slug);
  }

  @Post(':slug/design/sections')
  @Authenticated()
  addSection(@CurrentUser() user: AuthUser, @Param() { slug }: SlugParamDto, @Body() dto: NewSectionDto) {
    return this.design.add(user, slug, dto);
  }

  @Put(':slug/design/sections/:key')
  @Authenticated()
  saveSection(@CurrentUser() user: AuthUser, @Param() { slug, key }: SectionParamDto, @Body() dto: SectionEditDto) {
    return this.design.save(user, slug, key, dto);
  }

  @Get(':slug/design/sections/:key/revisions')
  revisions(@Param() { slug, key }: SectionParamDto) {
    return this.design.revisions(slug, key);
  }

  @Get(':slug/design/sections/:key/compare')
  compare(@Param() { slug, key }: SectionParamDto, @Query() { from, to }: CompareQueryDto) {
    return this.design.compare(slug, key, from, to);
  }
}

@ApiTags('tools')
@Controller('organisations')
export class OrganisationToolsController {
  constructor(private readonly adoption: AdoptionService) {}

  @Get(':id/tools')
  tools(@Param() { id }: OrganisationParamDto) {
    return this.adoption.forOrganisation(id);
  }
}
