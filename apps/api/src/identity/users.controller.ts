import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { MeDto, UpdateRolesDto, UserIdParamDto, UserListDto, UserQueryDto } from './dto';
import { UsersService } from './users.service';

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
  updateRoles(@CurrentUser() user: AuthUser, @Param() { id }: UserIdParamDto, @Body() dto: UpdateRolesDto) {
    return this.service.updateRoles(user, id, dto);
  }
}
