import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimiter } from '../common/rate-limiter';
import { AccountRepository } from './account.repository';
import { AccountService } from './account.service';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AccountController, AuthController, OrganisationsController, UsersController } from './identity.controllers';
import { OrganisationRepository, SessionRepository, UserRepository } from './identity.repositories';
import { UsersService } from './users.service';

@Module({
  controllers: [AuthController, AccountController, UsersController, OrganisationsController],
  providers: [RateLimiter, AuthService, AccountService, AccountRepository, UsersService, UserRepository, SessionRepository, OrganisationRepository, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, UsersService, UserRepository],
})
export class IdentityModule {}
