import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { IdeaInput, IdeaList, IdeaPatch, IdeaQuery, IdeaView } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { IdeasService } from './ideas.service';

const IdParam = z.object({ id: z.coerce.number({ error: 'id must be a number' }).int('id must be a number').positive('id must be a number').max(2_147_483_647, 'No such idea') });
type IdParam = z.output<typeof IdParam>;
const IdeaChanged = z.object({ idea: IdeaView.shape.idea });

@ApiTags('ideas')
@Controller('ideas')
export class IdeasController {
  constructor(private readonly ideas: IdeasService) {}

  @Get()
  @Doc({ summary: 'Needs and ideas, by backing or newest first', returns: IdeaList })
  list(@Query({ schema: IdeaQuery }) query: z.output<typeof IdeaQuery>) {
    return this.ideas.list(query);
  }

  @Post()
  @Authenticated()
  @Doc({ summary: 'Raise a need or an idea for a tool', returns: IdeaChanged, status: 201 })
  create(@CurrentUser() user: AuthUser, @Body({ schema: IdeaInput }) dto: z.output<typeof IdeaInput>) {
    return this.ideas.create(user, dto);
  }

  @Get(':id')
  @Doc({ summary: 'An idea with the authorities behind it, and what the caller may do', returns: IdeaView, errors: [404] })
  get(@CurrentUser() user: AuthUser | null, @Param({ schema: IdParam }) { id }: IdParam) {
    return this.ideas.get(user, id);
  }

  @Put(':id/backing')
  @Authenticated()
  @Doc({ summary: 'Back it on behalf of your authority (verified local authority members)', returns: IdeaView, errors: [403, 404] })
  back(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: IdParam) {
    return this.ideas.back(user, id);
  }

  @Delete(':id/backing')
  @Authenticated()
  @Doc({ summary: 'Withdraw your authority’s backing', returns: IdeaView, errors: [403, 404] })
  withdraw(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: IdParam) {
    return this.ideas.withdraw(user, id);
  }

  @Patch(':id')
  @Authenticated()
  @Doc({ summary: 'Change its status (declined needs a reason) or what takes it forward (moderators and admins)', returns: IdeaView, errors: [403, 404] })
  update(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: IdParam, @Body({ schema: IdeaPatch }) dto: z.output<typeof IdeaPatch>) {
    return this.ideas.update(user, id, dto);
  }
}
