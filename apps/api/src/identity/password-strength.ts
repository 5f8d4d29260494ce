import { BadRequestException } from '@nestjs/common';
import { loadPasswordChecker } from '@commons/domain';

/** Why `password` is too easy to guess, or null when it is strong enough. `related`: the person's email and name. */
export async function weakPasswordReason(password: string, related: string[] = []): Promise<string | null> {
  return (await loadPasswordChecker())(password, related).problem;
}

/** 400 naming `field` when the password is too easy to guess (the form shows the same check as a hint). */
export async function assertStrongPassword(password: string, related: string[], field = 'password'): Promise<void> {
  const reason = await weakPasswordReason(password, related);
  if (reason) throw new BadRequestException({ message: reason, fields: { [field]: reason } });
}
