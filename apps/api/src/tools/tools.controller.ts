import { ArgumentsHost, Body, Catch, Controller, Delete, ExceptionFilter, Get, Param, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  AdoptionInput, AdoptionRecorded, CommentInput, CommentList, CommentSaved, NamedVersionInput, RestoreInput, AdoptionSummary, CompareQuery, Comparison, DesignDocument, Maintainers, NewSection, OrganisationTools, ReleaseInput, ReleaseList, ReleasePublished, RevisionList,
  SectionConflict, SectionEdit, SectionKey, SectionSaved, Slug, ToolChanged, ToolInput, ToolList, ToolPatch, ToolQuery, ToolView,
} from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { AdoptionService } from './adoption.service';
import { DesignService, StaleRevision } from './design.service';
import { ToolsService } from './tools.service';

const SlugParam = z.object({ slug: Slug });
const SectionParam = z.object({ slug: Slug, key: SectionKey });
const CommentParam = z.object({ slug: Slug, key: SectionKey, id: z.coerce.number({ error: 'id must be a comment id' }).int('id must be a comment id').positive('id must be a comment id') });
const ResolveInput = z.object({ resolved: z.boolean({ error: 'resolved must be true or false' }) });
const MaintainerParam = z.object({ slug: Slug, userId: z.uuid('userId must be a user id') });
const organisationId = z.coerce.number({ error: 'organisationId must be a number' }).int('organisationId must be a number').positive('organisationId must be a number');
const AdoptionParam = z.object({ slug: Slug, organisationId });
const OrganisationParam = z.object({ id: organisationId });
type SlugParam = z.output<typeof SlugParam>;
type SectionParam = z.output<typeof SectionParam>;
type MaintainerParam = z.output<typeof MaintainerParam>;

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
  @Doc({ summary: 'Search the tool catalogue (q is full-text)', returns: ToolList })
  search(@CurrentUser() user: AuthUser | null, @Query({ schema: ToolQuery }) query: z.output<typeof ToolQuery>) {
    return this.tools.search(query, user);
  }

  @Post()
  @Authenticated()
  @Doc({ summary: 'Propose a tool (the caller maintains it)', returns: ToolChanged, status: 201, errors: [409] })
  propose(@CurrentUser() user: AuthUser, @Body({ schema: ToolInput }) dto: z.output<typeof ToolInput>) {
    return this.tools.propose(user, dto);
  }

  @Get(':slug')
  @Doc({ summary: 'Get a tool (of a local-authority-only tool, readers without access get its name, summary and how to get access)', returns: ToolView, errors: [404] })
  get(@CurrentUser() user: AuthUser | null, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.tools.get(slug, user);
  }

  @Patch(':slug')
  @Authenticated()
  @Doc({ summary: 'Edit a tool (its maintainers)', returns: ToolChanged, errors: [403, 404, 409] })
  update(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam, @Body({ schema: ToolPatch }) dto: z.output<typeof ToolPatch>) {
    return this.tools.update(user, slug, dto);
  }

  @Put(':slug/maintainers/:userId')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Add a maintainer (admins)', returns: Maintainers, errors: [403, 404] })
  addMaintainer(@CurrentUser() user: AuthUser, @Param({ schema: MaintainerParam }) { slug, userId }: MaintainerParam) {
    return this.tools.setMaintainer(user, slug, userId, true);
  }

  @Delete(':slug/maintainers/:userId')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Remove a maintainer (admins)', returns: Maintainers, errors: [403, 404, 409] })
  removeMaintainer(@CurrentUser() user: AuthUser, @Param({ schema: MaintainerParam }) { slug, userId }: MaintainerParam) {
    return this.tools.setMaintainer(user, slug, userId, false);
  }

  @Get(':slug/releases')
  @Doc({ summary: "A tool's releases, newest first", returns: ReleaseList, errors: [403, 404] })
  releases(@CurrentUser() user: AuthUser | null, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.tools.releases(slug, user);
  }

  @Post(':slug/releases')
  @Authenticated()
  @Doc({ summary: 'Publish a release (its maintainers)', returns: ReleasePublished, status: 201, errors: [403, 404, 409] })
  publish(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam, @Body({ schema: ReleaseInput }) dto: z.output<typeof ReleaseInput>) {
    return this.tools.publish(user, slug, dto);
  }

  @Get(':slug/adoptions')
  @Doc({ summary: 'Which local authorities use a tool, by region', returns: AdoptionSummary, errors: [403, 404] })
  adoptions(@CurrentUser() user: AuthUser | null, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.adoption.forTool(slug, user);
  }

  @Put(':slug/adoptions/:organisationId')
  @Authenticated()
  @Doc({ summary: "Record an authority's use of a tool (its verified members)", returns: AdoptionRecorded, errors: [403, 404] })
  adopt(@CurrentUser() user: AuthUser, @Param({ schema: AdoptionParam }) { slug, organisationId }: z.output<typeof AdoptionParam>, @Body({ schema: AdoptionInput }) dto: z.output<typeof AdoptionInput>) {
    return this.adoption.record(user, slug, organisationId, dto);
  }

  @Get(':slug/design')
  @Doc({ summary: "A tool's co-design document", returns: DesignDocument, errors: [403, 404] })
  designDocument(@CurrentUser() user: AuthUser | null, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.tools.readable(slug, user).then(() => this.design.get(slug, user));
  }

  @Post(':slug/design/sections')
  @Authenticated()
  @Doc({ summary: 'Add a section to the design document', returns: SectionSaved, status: 201, errors: [403, 404, 409] })
  addSection(@CurrentUser() user: AuthUser, @Param({ schema: SlugParam }) { slug }: SlugParam, @Body({ schema: NewSection }) dto: z.output<typeof NewSection>) {
    return this.tools.readable(slug, user).then(() => this.design.add(user, slug, dto));
  }

  @Put(':slug/design/sections/:key')
  @Authenticated()
  @Doc({ summary: 'Save a section (409 with its current text when baseRevision is stale)', returns: SectionSaved, errors: [403, 404] })
  @ApiResponse({ status: 409, description: 'Someone saved the section since baseRevision: here it is now', standardSchema: SectionConflict })
  saveSection(@CurrentUser() user: AuthUser, @Param({ schema: SectionParam }) { slug, key }: SectionParam, @Body({ schema: SectionEdit }) dto: z.output<typeof SectionEdit>) {
    return this.tools.readable(slug, user).then(() => this.design.save(user, slug, key, dto));
  }

  @Get(':slug/design/sections/:key/revisions')
  @Doc({ summary: "A section's revisions", returns: RevisionList, errors: [403, 404] })
  revisions(@CurrentUser() user: AuthUser | null, @Param({ schema: SectionParam }) { slug, key }: SectionParam) {
    return this.tools.readable(slug, user).then(() => this.design.revisions(slug, key, user));
  }

  @Get(':slug/design/sections/:key/compare')
  @Doc({ summary: 'Compare two revisions of a section, line by line (within a time limit; `approximate` when it ran out)', returns: Comparison, errors: [403, 404] })
  compare(@CurrentUser() user: AuthUser | null, @Param({ schema: SectionParam }) { slug, key }: SectionParam, @Query({ schema: CompareQuery }) { from, to }: z.output<typeof CompareQuery>) {
    return this.tools.readable(slug, user).then(() => this.design.compare(slug, key, from, to, user));
  }

  @Post(':slug/design/sections/:key/versions')
  @Authenticated()
  @Doc({ summary: 'Save the live text as a named version (or name the latest, if unchanged)', returns: RevisionList, status: 201, errors: [403, 404] })
  nameVersion(@CurrentUser() user: AuthUser, @Param({ schema: SectionParam }) { slug, key }: SectionParam, @Body({ schema: NamedVersionInput }) dto: z.output<typeof NamedVersionInput>) {
    return this.tools.readable(slug, user).then(() => this.design.nameVersion(user, slug, key, dto.name));
  }

  @Post(':slug/design/sections/:key/restore')
  @Authenticated()
  @Doc({ summary: 'Make an earlier version the live text and the next revision', returns: SectionSaved, status: 201, errors: [403, 404] })
  restore(@CurrentUser() user: AuthUser, @Param({ schema: SectionParam }) { slug, key }: SectionParam, @Body({ schema: RestoreInput }) dto: z.output<typeof RestoreInput>) {
    return this.tools.readable(slug, user).then(() => this.design.restore(user, slug, key, dto.revision));
  }

  @Post(':slug/design/sections/:key/clear')
  @Authenticated({ roles: ['moderator', 'admin'] })
  @Doc({ summary: 'Show a section held for personal data to readers again (moderators)', returns: SectionSaved, status: 201, errors: [403, 404] })
  clearSection(@CurrentUser() user: AuthUser, @Param({ schema: SectionParam }) { slug, key }: SectionParam) {
    return this.design.clear(user, slug, key);
  }

  @Get(':slug/design/comments')
  @Doc({ summary: "The design document's comments, oldest first", returns: CommentList, errors: [403, 404] })
  comments(@CurrentUser() user: AuthUser | null, @Param({ schema: SlugParam }) { slug }: SlugParam) {
    return this.tools.readable(slug, user).then(() => this.design.comments(slug, user));
  }

  @Post(':slug/design/sections/:key/comments')
  @Authenticated()
  @Doc({ summary: 'Comment on a passage of a section, or reply to a comment', returns: CommentSaved, status: 201, errors: [403, 404] })
  comment(@CurrentUser() user: AuthUser, @Param({ schema: SectionParam }) { slug, key }: SectionParam, @Body({ schema: CommentInput }) dto: z.output<typeof CommentInput>) {
    return this.tools.readable(slug, user).then(() => this.design.comment(user, slug, key, dto));
  }

  @Put(':slug/design/sections/:key/comments/:id/resolved')
  @Authenticated()
  @Doc({ summary: 'Resolve a comment (resolved: false opens it again)', returns: CommentSaved, errors: [403, 404] })
  resolveComment(@CurrentUser() user: AuthUser, @Param({ schema: CommentParam }) { slug, key, id }: z.output<typeof CommentParam>, @Body({ schema: ResolveInput }) dto: z.output<typeof ResolveInput>) {
    return this.tools.readable(slug, user).then(() => this.design.resolve(user, slug, key, id, dto.resolved));
  }
}

@ApiTags('tools')
@Controller('organisations')
export class OrganisationToolsController {
  constructor(private readonly adoption: AdoptionService) {}

  @Get(':id/tools')
  @Doc({ summary: 'The tools an organisation uses or pilots', returns: OrganisationTools, errors: [404] })
  tools(@CurrentUser() user: AuthUser | null, @Param({ schema: OrganisationParam }) { id }: z.output<typeof OrganisationParam>) {
    return this.adoption.forOrganisation(id, user);
  }
}
