import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SearchQuery, SearchResults } from '@commons/domain';
import type { z } from 'zod';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @Doc({ summary: 'Search tools, initiatives, threads and messages (misspellings and parts of words match); only what the caller may read', returns: SearchResults })
  find(@CurrentUser() user: AuthUser | null, @Query({ schema: SearchQuery }) query: z.output<typeof SearchQuery>) {
    return this.search.search(user, query);
  }
}
