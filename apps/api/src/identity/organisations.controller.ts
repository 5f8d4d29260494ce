import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OrganisationQueryDto } from './dto';
import { OrganisationRepository } from './identity.repositories';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationRepository) {}

  @Get()
  async list(@Query() query: OrganisationQueryDto) {
    return { items: await this.organisations.list(query) };
  }
}
