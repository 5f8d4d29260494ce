import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorBody, SsoCallbackQuery, SsoLoginQuery, SsoStatus, SsoTenant, SsoTenantInput, SsoTenantList, SsoTenantParam } from '@commons/domain';
import type { AuthUser } from '../../auth/auth-user';
import { Authenticated, CurrentUser } from '../../auth/auth.guard';
import { Doc, ERRORS, type ErrorStatus } from '../../common/api-doc';
import { ENV, Env } from '../../config/env';
import { setSessionCookie } from '../session-cookie';
import { CALLBACK_PATH, OidcService, type SsoOutcome } from './oidc.service';

/** Ties the provider's answer to the browser that asked: only it can finish the sign-in it started. */
const BINDING_COOKIE = 'commons_oidc';
const BINDING_PATH = CALLBACK_PATH.slice(0, CALLBACK_PATH.lastIndexOf('/'));

/** A route that answers with a redirect (no body), documented like the others. */
function Redirect(summary: string, to: string, errors: ErrorStatus[] = []) {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiResponse({ status: 302, description: `Redirect (Location): ${to}` }),
    ...errors.map((code) => ApiResponse({ status: code, description: ERRORS[code], standardSchema: ErrorBody })),
  );
}

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly service: OidcService,
  ) {}

  @Get()
  @Doc({ summary: 'Whether single sign-on is offered, and the name on its button', returns: SsoStatus })
  status() {
    return this.service.status();
  }

  @Get('login')
  @Redirect('Start single sign-on: to the provider (404 when it is not configured)', "the provider's sign-in page", [400, 404, 429])
  async login(@Query({ schema: SsoLoginQuery }) { returnTo }: z.output<typeof SsoLoginQuery>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const { url, binding } = await this.service.start(returnTo, request.ip);
    if (binding) reply.setCookie(BINDING_COOKIE, binding, { path: BINDING_PATH, httpOnly: true, sameSite: 'lax', secure: this.env.PUBLIC_ORIGIN.startsWith('https:'), maxAge: 600 });
    return send(reply, url);
  }

  @Get('callback')
  @Redirect('Where the provider sends the browser back: signs in (sets the session cookie)', 'the page sign-in started from, or /sign-in?sso=<why not>', [400, 404])
  async callback(@Query({ schema: SsoCallbackQuery }) _query: z.output<typeof SsoCallbackQuery>, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const outcome: SsoOutcome = await this.service.finish(request.cookies?.[BINDING_COOKIE], request.url, { ip: request.ip, userAgent: request.headers['user-agent'] });
    reply.clearCookie(BINDING_COOKIE, { path: BINDING_PATH });
    if (outcome.signedIn) setSessionCookie(reply, this.env, outcome.signedIn.token, outcome.signedIn.expiresAt);
    return send(reply, outcome.location);
  }
}

function send(reply: FastifyReply, location: string) {
  return reply.header('cache-control', 'no-store').redirect(location, 302);
}

@ApiTags('admin')
@Controller('admin/sso/tenants')
@Authenticated({ roles: ['admin'] })
export class SsoTenantsController {
  constructor(private readonly service: OidcService) {}

  @Get()
  @Doc({ summary: 'Single sign-on tenants and the organisations they vouch for (admins)', returns: SsoTenantList, errors: [403] })
  list() {
    return this.service.listTenants();
  }

  @Post()
  @Doc({ summary: "Map a tenant to an organisation: its people become the organisation's verified members (admins)", returns: SsoTenant, status: 201, errors: [403, 404, 409] })
  map(@CurrentUser() user: AuthUser, @Body({ schema: SsoTenantInput }) dto: z.output<typeof SsoTenantInput>) {
    return this.service.mapTenant(user.id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Doc({ summary: 'Remove a tenant mapping: its people stop being verified members through it (admins)', errors: [403, 404] })
  unmap(@CurrentUser() user: AuthUser, @Param({ schema: SsoTenantParam }) { id }: z.output<typeof SsoTenantParam>) {
    return this.service.unmapTenant(user.id, id);
  }
}
