import { Body, Controller, Delete, Get, Req, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, Authenticated, AuthDto } from './auth.guard';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { DeleteAccountDto, LoginDto, MeDto, OrganisationQueryDto, RegisterDto, UpdateRolesDto, UserIdParamDto, UserListDto, UserQueryDto } from './dto';
import { OrganisationRepository } from './identity.repositories';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly service: AuthService) {}

  @Post('register')
  @ZodResponse({ status: 201, type: MeDto })
  register(@Body() dto: RegisterDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.service.register(dto, reply);
  }

  @Post('login')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: MeDto })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.service.login(dto, reply, request.ip);
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Auth() auth: AuthDto | null, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.service.logout(auth, reply);
  }

  @Get('me')
  @Authenticated()
  @ZodResponse({ status: 200, type: MeDto })
  me(@Auth() auth: AuthDto) {
    return this.service.me(auth);
  }
}

/** The caller's own account: log out everywhere, UK GDPR export and erasure. */
@ApiTags('account')
@Controller()
export class AccountController {
  constructor(private readonly service: AccountService) {}

  @Post('auth/logout-all')
  @HttpCode(204)
  @Authenticated()
  logoutAll(@Auth() auth: AuthDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.service.logoutAll(auth, reply);
  }

  @Get('me/export')
  @Authenticated()
  export(@Auth() auth: AuthDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.service.export(auth, reply);
  }

  @Delete('me')
  @HttpCode(204)
  @Authenticated()
  delete(@Auth() auth: AuthDto, @Body() dto: DeleteAccountDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.service.delete(auth, dto, reply);
  }
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  @Authenticated({ roles: ['admin'] })
  @ZodResponse({ status: 200, type: UserListDto })
  list(@Query() query: UserQueryDto) {
    return this.service.list(query);
  }

  @Put(':id/roles')
  @Authenticated({ roles: ['admin'] })
  @ZodResponse({ status: 200, type: MeDto })
  updateRoles(@Auth() auth: AuthDto, @Param() { id }: UserIdParamDto, @Body() dto: UpdateRolesDto) {
    return this.service.updateRoles(auth, id, dto);
  }
}

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationRepository) {}

  @Get()
  async list(@Query() query: OrganisationQueryDto) {
    return { items: await this.organisations.list(query) };
  }
}
