import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  AdminOrganisationList, AdminOrganisationQuery, AdminUserChanged, AdminUserList, AdminUserQuery, AuditList, AuditQuery, DisableInput, DomainChanged, DomainInput, DomainList, DomainParam, DomainPatch,
  IdParam, OrganisationIdParam,
} from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/auth.guard';
import { Doc } from '../common/api-doc';
import { AdminService } from './admin.service';

type DomainParam = z.output<typeof DomainParam>;
type OrganisationIdParam = z.output<typeof OrganisationIdParam>;

@ApiTags('admin')
@Controller('admin')
export class AdminController {
  constructor(private readonly service: AdminService) {}

  @Get('users')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'People, with their organisation, whether it is verified, and whether the account is disabled (admins)', returns: AdminUserList, errors: [403] })
  people(@Query({ schema: AdminUserQuery }) query: z.output<typeof AdminUserQuery>) {
    return this.service.people(query);
  }

  @Put('users/:id/disabled')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Disable an account (its sign-ins and sockets end at once) or enable it again (admins)', returns: AdminUserChanged, errors: [403, 404, 409] })
  setDisabled(@CurrentUser() user: AuthUser, @Param({ schema: IdParam }) { id }: z.output<typeof IdParam>, @Body({ schema: DisableInput }) dto: z.output<typeof DisableInput>) {
    return this.service.setDisabled(user, id, dto.disabled);
  }

  @Get('organisations')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Organisations with their email domains and member counts (admins)', returns: AdminOrganisationList, errors: [403] })
  organisations(@Query({ schema: AdminOrganisationQuery }) query: z.output<typeof AdminOrganisationQuery>) {
    return this.service.organisations(query.q);
  }

  @Get('audit')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'The audit log of admin changes, newest first (admins)', returns: AuditList, errors: [403] })
  audit(@Query({ schema: AuditQuery }) query: z.output<typeof AuditQuery>) {
    return this.service.auditLog(query);
  }
}

@ApiTags('admin')
@Controller('organisations')
export class OrganisationDomainsController {
  constructor(private readonly service: AdminService) {}

  @Get(':id/domains')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: "An organisation's email domains (admins)", returns: DomainList, errors: [403, 404] })
  domains(@Param({ schema: OrganisationIdParam }) { id }: OrganisationIdParam) {
    return this.service.domains(id);
  }

  @Post(':id/domains')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Add an email domain: verified addresses on it make verified members (admins)', returns: DomainChanged, status: 201, errors: [403, 404, 409] })
  addDomain(@CurrentUser() user: AuthUser, @Param({ schema: OrganisationIdParam }) { id }: OrganisationIdParam, @Body({ schema: DomainInput }) dto: z.output<typeof DomainInput>) {
    return this.service.addDomain(user, id, dto);
  }

  @Patch(':id/domains/:domain')
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Mark a domain confirmed (checked against a published source) or not (admins)', returns: DomainChanged, errors: [403, 404] })
  confirmDomain(@CurrentUser() user: AuthUser, @Param({ schema: DomainParam }) { id, domain }: DomainParam, @Body({ schema: DomainPatch }) dto: z.output<typeof DomainPatch>) {
    return this.service.confirmDomain(user, id, domain, dto.confirmed);
  }

  @Delete(':id/domains/:domain')
  @HttpCode(204)
  @Authenticated({ roles: ['admin'] })
  @Doc({ summary: 'Remove an email domain (admins)', errors: [403, 404] })
  removeDomain(@CurrentUser() user: AuthUser, @Param({ schema: DomainParam }) { id, domain }: DomainParam) {
    return this.service.removeDomain(user, id, domain);
  }
}
