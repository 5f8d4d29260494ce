import { CanActivate, createParamDecorator, ExecutionContext, ForbiddenException, Inject, Injectable, SetMetadata, UnauthorizedException, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ENV, Env } from '../config/env';
import type { GlobalRole } from '@commons/domain';
import { AuthSession, SESSION_COOKIE } from './auth-user';
import { AuthService, PERSONAL_TOKEN_PREFIX } from './auth.service';
import { setSessionCookie } from './session-cookie';

type AuthedRequest = FastifyRequest & { auth?: AuthSession | null };

interface AuthenticatedOptions {
  /** Any one of these global roles is enough. */
  roles?: GlobalRole[];
}

const AUTHENTICATED = 'commons:authenticated';

/** Marks a route as needing a signed-in user (and optionally a role). Routes without it are public. */
export const Authenticated = (options: AuthenticatedOptions = {}) =>
  applyDecorators(SetMetadata(AUTHENTICATED, options), ApiCookieAuth(SESSION_COOKIE));

/** The signed-in user and session: always set on @Authenticated routes, null elsewhere when signed out. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().auth ?? null);

/** The signed-in user alone: always set on @Authenticated routes, null elsewhere when signed out. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<AuthedRequest>().auth?.user ?? null);

/** Methods that change nothing: all a personal access token may use. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const request = ctx.switchToHttp().getRequest<AuthedRequest>();
    request.auth = await this.identify(request, ctx.switchToHttp().getResponse<FastifyReply>());

    const options = this.reflector.getAllAndOverride<AuthenticatedOptions | undefined>(AUTHENTICATED, [ctx.getHandler(), ctx.getClass()]);
    if (!options) return true;
    if (!request.auth) throw new UnauthorizedException('Sign in to do this');
    if (options.roles && !options.roles.some((r) => request.auth!.user.roles.includes(r))) {
      throw new ForbiddenException(`This needs the ${options.roles.join(' or ')} role`);
    }
    return true;
  }

  /**
   * A personal access token (`Authorization: Bearer cdt_…`) reads as its owner and writes nothing, on every
   * route, public ones included; a bad one is refused rather than read as signed out, so a script knows.
   * Other bearer tokens (the metrics scraper's) are left to their routes. Otherwise the session cookie,
   * whose expiry slides while it is in use.
   */
  private async identify(request: AuthedRequest, reply: FastifyReply): Promise<AuthSession | null> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer?.startsWith(PERSONAL_TOKEN_PREFIX)) {
      const auth = await this.auth.validatePersonalToken(bearer);
      if (!auth) throw new UnauthorizedException('This access token is not valid: it was revoked or mistyped');
      if (!READS.has(request.method)) throw new ForbiddenException('Personal access tokens can only read: sign in to make changes');
      return auth;
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return null;
    const auth = await this.auth.validateInUse(token);
    if (auth?.slid) setSessionCookie(reply, this.env, token, auth.session.expiresAt);
    return auth && { user: auth.user, session: auth.session };
  }
}
