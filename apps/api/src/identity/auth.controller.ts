import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LoginInput, Me, RegisterInput } from '@commons/domain';
import { type AuthSession, type AuthUser, toUser } from '../auth/auth-user';
import { Auth, Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { ENV, Env } from '../config/env';
import { LoginService } from './login.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly service: LoginService,
  ) {}

  @Post('register')
  @Doc({ summary: 'Create an account and sign in (sets the session cookie)', returns: Me, status: 201, errors: [409, 429] })
  async register(@Body({ schema: RegisterInput }) dto: z.output<typeof RegisterInput>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { user, token, expiresAt } = await this.service.register(dto);
    setSessionCookie(reply, this.env, token, expiresAt);
    return { user };
  }

  @Post('login')
  @HttpCode(200)
  @Doc({ summary: 'Sign in (sets the session cookie)', returns: Me, errors: [401, 429] })
  async login(@Body({ schema: LoginInput }) dto: z.output<typeof LoginInput>, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { user, token, expiresAt } = await this.service.login(dto, request.ip);
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
}
