import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuthSession, type AuthUser, toUser } from '../auth/auth-user';
import { Auth, Authenticated, CurrentUser } from '../auth/auth.guard';
import { ENV, Env } from '../config/env';
import { LoginDto, MeDto, RegisterDto } from './dto';
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
  @ZodResponse({ status: 201, type: MeDto })
  async register(@Body() dto: RegisterDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { user, token, expiresAt } = await this.service.register(dto);
    setSessionCookie(reply, this.env, token, expiresAt);
    return { user };
  }

  @Post('login')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: MeDto })
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { user, token, expiresAt } = await this.service.login(dto, request.ip);
    setSessionCookie(reply, this.env, token, expiresAt);
    return { user };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Auth() auth: AuthSession | null, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.service.logout(auth);
    clearSessionCookie(reply);
  }

  @Get('me')
  @Authenticated()
  @ZodResponse({ status: 200, type: MeDto })
  me(@CurrentUser() user: AuthUser) {
    return { user: toUser(user) };
  }
}
