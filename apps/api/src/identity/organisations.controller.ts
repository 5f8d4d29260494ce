import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { OrganisationList, OrganisationQuery } from '@commons/domain';
import { Doc } from '../common/api-doc';
import { OrganisationRepository } from './identity.repositories';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationRepository) {}

  @Get()
  @Doc({ summary: 'The local authorities and other organisations', returns: OrganisationList })
  async list(@Query({ schema: OrganisationQuery }) query: z.output<typeof OrganisationQuery>) {
    return { items: await this.organisations.list(query) };
  }
}
