import type { Feature } from '../common/feature';
import { AccountController } from './account.controller';
import { AccountRepository } from './account.repository';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { OrganisationEntity, UserEntity } from './identity.entities';
import { OrganisationRepository, UserRepository } from './identity.repositories';
import { LoginService } from './login.service';
import { AccountSettingsService } from './account-settings.service';
import { EmailTokens } from './email-tokens';
import { PasswordResetService } from './password-reset.service';
import { PersonalTokensController } from './personal-tokens.controller';
import { PersonalTokensRepository, PersonalTokensService } from './personal-tokens.service';
import { SignInLimits } from './sign-in-limits';
import { OidcController, SsoTenantsController } from './oidc/oidc.controller';
import { OidcRepository } from './oidc/oidc.repository';
import { OidcService } from './oidc/oidc.service';
import { MembersController } from './members.controller';
import { MembersRepository } from './members.repository';
import { MembersService } from './members.service';
import { OrganisationsController } from './organisations.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** People, organisations and roles: sign-in, accounts, the admin's user list. */
export const identityFeature: Feature = {
  entities: [UserEntity, OrganisationEntity],
  providers: [LoginService, AccountSettingsService, EmailTokens, PasswordResetService, PersonalTokensService, PersonalTokensRepository, SignInLimits, AccountService, AccountRepository, UsersService, UserRepository, OrganisationRepository, MembersService, MembersRepository, OidcService, OidcRepository],
  controllers: [AuthController, AccountController, PersonalTokensController, UsersController, OrganisationsController, MembersController, OidcController, SsoTenantsController],
};
