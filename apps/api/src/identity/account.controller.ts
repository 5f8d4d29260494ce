import { Body, Controller, Delete, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AccountExport, DeleteAccountInput } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { AccountService } from './account.service';
import { clearSessionCookie } from './session-cookie';

/** The caller's own account: log out everywhere, UK GDPR export and erasure. */
@ApiTags('account')
@Controller()
export class AccountController {
  constructor(private readonly service: AccountService) {}

  @Post('auth/logout-all')
  @HttpCode(204)
  @Authenticated()
  @Doc({ summary: 'Sign out of every session of this account' })
  async logoutAll(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.service.logoutAll(user);
    clearSessionCookie(reply);
  }

  @Get('me/export')
  @Authenticated()
  @Header('cache-control', 'no-store')
  @Doc({ summary: 'Download everything held about the caller (UK GDPR access)', returns: AccountExport })
  export(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply) {
    reply.header('content-disposition', `attachment; filename="commons-export-${user.id}.json"`);
    return this.service.export(user);
  }

  @Delete('me')
  @HttpCode(204)
  @Authenticated()
  @Doc({ summary: "Delete the caller's account (needs the password again)", errors: [409] })
  async delete(@CurrentUser() user: AuthUser, @Body({ schema: DeleteAccountInput }) dto: z.output<typeof DeleteAccountInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.service.delete(user, dto);
    clearSessionCookie(reply);
  }
}
