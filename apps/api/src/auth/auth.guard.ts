import { CanActivate, createParamDecorator, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { GlobalRole } from '@commons/domain';
import { AuthSession, SESSION_COOKIE } from './auth-user';
import { AuthService } from './auth.service';

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

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const request = ctx.switchToHttp().getRequest<AuthedRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    request.auth = token ? await this.auth.validate(token) : null;

    const options = this.reflector.getAllAndOverride<AuthenticatedOptions | undefined>(AUTHENTICATED, [ctx.getHandler(), ctx.getClass()]);
    if (!options) return true;
    if (!request.auth) throw new UnauthorizedException('Sign in to do this');
    if (options.roles && !options.roles.some((r) => request.auth!.user.roles.includes(r))) {
      throw new ForbiddenException(`This needs the ${options.roles.join(' or ')} role`);
    }
    return true;
  }
}
