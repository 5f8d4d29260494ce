import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ChangePasswordInput, ConfirmEmailInput, LinkSent, LoginInput, Me, PasswordResetConfirmInput, PasswordResetRequestInput, RegisterInput } from '@commons/domain';
import { type AuthSession, type AuthUser, toUser } from '../auth/auth-user';
import { Auth, Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { ENV, Env } from '../config/env';
import { AccountSettingsService } from './account-settings.service';
import { type Client, LoginService } from './login.service';
import { PasswordResetService } from './password-reset.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

const client = (request: FastifyRequest): Client => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly service: LoginService,
    private readonly reset: PasswordResetService,
    private readonly settings: AccountSettingsService,
  ) {}

  @Post('register')
  @Doc({ summary: 'Create an account and sign in (sets the session cookie); emails a link to confirm the address', returns: Me, status: 201, errors: [409, 429] })
  async register(@Body({ schema: RegisterInput }) dto: z.output<typeof RegisterInput>, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { user, token, expiresAt } = await this.service.register(dto, client(request));
    setSessionCookie(reply, this.env, token, expiresAt);
    return { user };
  }

  @Post('login')
  @HttpCode(200)
  @Doc({ summary: 'Sign in (sets the session cookie)', returns: Me, errors: [401, 403, 429] })
  async login(@Body({ schema: LoginInput }) dto: z.output<typeof LoginInput>, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { user, token, expiresAt } = await this.service.login(dto, client(request));
    setSessionCookie(reply, this.env, token, expiresAt);
    return { user };
  }

  @Post('logout')
  @HttpCode(204)
  @Doc({ summary: 'Sign out in this browser (clears the cookie)' })
  async logout(@Auth() auth: AuthSession | null, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.service.logout(auth);
    clearSessionCookie(reply);
  }

  @Get('me')
  @Authenticated()
  @Doc({ summary: 'The signed-in user', returns: Me })
  me(@CurrentUser() user: AuthUser) {
    return { user: toUser(user) };
  }

  @Post('password-reset')
  @HttpCode(202)
  @Doc({ summary: 'Email a single-use link to set a new password (valid one hour); the same answer whether or not the account exists', returns: LinkSent, errors: [429] })
  requestReset(@Body({ schema: PasswordResetRequestInput }) dto: z.output<typeof PasswordResetRequestInput>, @Req() request: FastifyRequest) {
    return this.reset.request(dto, client(request));
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @Doc({ summary: "Set a new password with the emailed link's token; every session of the account ends" })
  confirmReset(@Body({ schema: PasswordResetConfirmInput }) dto: z.output<typeof PasswordResetConfirmInput>) {
    return this.reset.confirm(dto);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @Doc({ summary: "Change the caller's password; their other sessions end", errors: [401] })
  changePassword(@Auth() auth: AuthSession, @Body({ schema: ChangePasswordInput }) dto: z.output<typeof ChangePasswordInput>) {
    return this.settings.changePassword(auth, dto);
  }

  @Post('confirm-email')
  @HttpCode(200)
  @Doc({ summary: "Open an emailed confirmation link (a new account's address, or a new address); no sign-in needed", returns: Me, errors: [409] })
  confirmEmail(@Body({ schema: ConfirmEmailInput }) dto: z.output<typeof ConfirmEmailInput>) {
    return this.settings.confirmEmail(dto);
  }
}
