import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { IdParam, Me, UpdateRolesInput, UserList, UserQuery } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Find users (admins)', returns: UserList, errors: [403] })
  list(@Query({ schema: UserQuery }) query: z.output<typeof UserQuery>) {
    return this.service.list(query);
  }

  @Put(':id/roles')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: "Set a user's moderator and admin roles (admins)", returns: Me, errors: [403, 404, 409] })
  updateRoles(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>, @Body({ schema: UpdateRolesInput }) dto: z.output<typeof UpdateRolesInput>) {
    return this.service.updateRoles(user, id, dto);
  }
}
