import type { Feature } from '../common/feature';
import { AccountController } from './account.controller';
import { AccountRepository } from './account.repository';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { OrganisationEntity, UserEntity } from './identity.entities';
import { OrganisationRepository, UserRepository } from './identity.repositories';
import { LoginService } from './login.service';
import { OrganisationsController } from './organisations.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** People, organisations and roles: sign-in, accounts, the admin's user list. */
export const identityFeature: Feature = {
  entities: [UserEntity, OrganisationEntity],
  providers: [LoginService, AccountService, AccountRepository, UsersService, UserRepository, OrganisationRepository],
  controllers: [AuthController, AccountController, UsersController, OrganisationsController],
};
