import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CreatedPersonalToken, IdParam, PersonalTokenInput, PersonalTokenList } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { PersonalTokensService } from './personal-tokens.service';

/** Tokens are made and revoked only from a signed-in browser: a token itself cannot (it writes nothing). */
@ApiTags('account')
@Controller('me/tokens')
export class PersonalTokensController {
  constructor(private readonly service: PersonalTokensService) {}

  @Get()
  @Authenticated()
  @Doc({ summary: "The caller's personal access tokens (never the secrets)", returns: PersonalTokenList })
  list(@CurrentUser() user: AuthUser) {
    return this.service.list(user);
  }

  @Post()
  @Authenticated()
  @Header('cache-control', 'no-store')
  @Doc({ summary: 'Make a read-only personal access token; the answer shows it, once', returns: CreatedPersonalToken, status: 201, errors: [403, 409] })
  create(@CurrentUser() user: AuthUser, @Body({ schema: PersonalTokenInput }) dto: z.output<typeof PersonalTokenInput>) {
    return this.service.create(user, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated()
  @Doc({ summary: 'Revoke a personal access token: it stops working at once', errors: [404] })
  revoke(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>) {
    return this.service.revoke(user, id);
  }
}
