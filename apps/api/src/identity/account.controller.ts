import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AccountExport, AccountSessionList, ChangeEmailInput, DeleteAccountInput, IdParam, LinkSent, Me, UpdateProfileInput } from '@commons/domain';
import type { AuthSession, AuthUser } from '../auth/auth-user';
import { Auth, Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { AccountSettingsService } from './account-settings.service';
import { AccountService } from './account.service';
import { clearSessionCookie } from './session-cookie';

/** The caller's own account: name, email, sessions, log out everywhere, UK GDPR export and erasure. */
@ApiTags('account')
@Controller()
export class AccountController {
  constructor(
    private readonly service: AccountService,
    private readonly settings: AccountSettingsService,
  ) {}

  @Post('auth/logout-all')
  @HttpCode(204)
  @Authenticated()
  @Doc({ summary: 'Sign out of every session of this account' })
  async logoutAll(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.service.logoutAll(user);
    clearSessionCookie(reply);
  }

  @Patch('me')
  @Authenticated()
  @Doc({ summary: "Change the caller's display name", returns: Me })
  update(@CurrentUser() user: AuthUser, @Body({ schema: UpdateProfileInput }) dto: z.output<typeof UpdateProfileInput>) {
    return this.settings.updateProfile(user, dto);
  }

  @Post('me/email')
  @HttpCode(202)
  @Authenticated()
  @Doc({ summary: 'Change email address: a link goes to the new one, which takes effect when it is opened', returns: LinkSent, errors: [401, 409, 429] })
  changeEmail(@CurrentUser() user: AuthUser, @Body({ schema: ChangeEmailInput }) dto: z.output<typeof ChangeEmailInput>) {
    return this.settings.requestEmailChange(user, dto);
  }

  @Post('me/verification')
  @HttpCode(202)
  @Authenticated()
  @Doc({ summary: 'Email the link to confirm the address again', returns: LinkSent, errors: [409, 429] })
  resendConfirmation(@CurrentUser() user: AuthUser) {
    return this.settings.resendConfirmation(user);
  }

  @Get('me/sessions')
  @Authenticated()
  @Header('cache-control', 'no-store')
  @Doc({ summary: "The caller's active sessions, this browser's marked current", returns: AccountSessionList })
  sessions(@Auth() auth: AuthSession) {
    return this.settings.sessions(auth);
  }

  @Delete('me/sessions/:id')
  @HttpCode(204)
  @Authenticated()
  @Doc({ summary: 'Sign out one session of the caller', errors: [404] })
  revokeSession(@Auth() auth: AuthSession, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>) {
    return this.settings.revokeSession(auth, id);
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
