import { createZodDto } from 'nestjs-zod';
import { DeleteAccountInput, IdParam, LoginInput, Me, OrganisationQuery, RegisterInput, UpdateRolesInput, UserList, UserQuery } from '@commons/domain';

export class RegisterDto extends createZodDto(RegisterInput) {}
export class LoginDto extends createZodDto(LoginInput) {}
export class MeDto extends createZodDto(Me) {}
export class UserQueryDto extends createZodDto(UserQuery) {}
export class UserListDto extends createZodDto(UserList) {}
export class UpdateRolesDto extends createZodDto(UpdateRolesInput) {}
export class UserIdParamDto extends createZodDto(IdParam) {}
export class OrganisationQueryDto extends createZodDto(OrganisationQuery) {}
export class DeleteAccountDto extends createZodDto(DeleteAccountInput) {}
