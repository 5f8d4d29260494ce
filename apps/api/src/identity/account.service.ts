import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import type { AccountExport, DeleteAccountInput } from '@commons/domain';
import { topics } from '@commons/realtime';
import { type AuthUser, toUser } from '../auth/auth-user';
import { forgetFeedbackContacts } from '../feedback/forget-contacts';
import { OutboxService } from '../realtime/outbox.service';
import { AccountRepository } from './account.repository';
import { UserRepository } from './identity.repositories';

/** Names for the export's sections: `<table>.<column>` → a readable key where one is obvious. */
function sectionName(table: string, column: string, multiple: boolean) {
  const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return multiple ? `${camel(table)}By${camel(`_${column}`).replace(/Id$/, '')}` : camel(table);
}

/** What a person can do about their own account: end every session, take their data, leave. */
@Injectable()
export class AccountService {
  constructor(
    private readonly account: AccountRepository,
    private readonly users: UserRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Ends every session of the caller, this one too; their open pages' sockets are closed at once. */
  async logoutAll(user: AuthUser) {
    await this.outbox.transaction(async (tx) => {
      await this.account.revokeAll(user.id, tx.manager);
      tx.record({ topic: topics.user(user.id), type: 'user.sessions.revoked', payload: { userId: user.id, reason: 'logout-all' } }, { actorId: user.id });
    });
  }

  /** UK GDPR right of access: every row that refers to the caller, secrets (hashes) left out. */
  async export(user: AuthUser): Promise<AccountExport> {
    const refs = await this.account.references();
    const sections: AccountExport['sections'] = {};
    for (const ref of refs) {
      const multiple = refs.filter((r) => r.table === ref.table).length > 1;
      sections[sectionName(ref.table, ref.column, multiple)] = await this.account.rowsOf(ref, user.id);
    }
    return {
      exportedAt: new Date().toISOString(),
      user: toUser(user),
      organisation: user.organisationId === null ? null : await this.account.organisation(user.organisationId),
      sections,
    };
  }

  /**
   * UK GDPR erasure, done as Discourse does: the account is anonymised in place (it becomes "Deleted
   * user" and can never sign in again) and what only concerned the person goes, while what they wrote
   * for others (threads, messages, design text, updates) stays, attributed to "Deleted user", so
   * conversations keep making sense.
   */
  async delete(user: AuthUser, dto: DeleteAccountInput) {
    const passwordHash = await this.users.passwordHash(user.id);
    const ok = passwordHash !== null && (await verify(passwordHash, dto.password).catch(() => false));
    if (!ok) throw new UnauthorizedException({ message: 'The password is wrong', fields: { password: 'The password is wrong' } });
    await this.outbox.transaction(async (tx) => {
      const admins = await this.account.lockAdmins(tx.manager);
      // Somebody must be left able to grant roles.
      if (admins.length === 1 && admins[0] === user.id) {
        throw new ConflictException({ message: 'You are the only admin: make someone else admin first', fields: { password: 'The last admin cannot delete their account' } });
      }
      const refs = await this.account.references(tx.manager);
      // Before anonymise, which unlinks the feedback from the account.
      await forgetFeedbackContacts(tx.manager, user.id, user.email);
      await this.account.removePersonal(refs, user.id, tx.manager);
      await this.account.anonymise(user.id, user.displayName, tx.manager);
      tx.record({ topic: topics.user(user.id), type: 'user.sessions.revoked', payload: { userId: user.id, reason: 'deleted' } });
    });
  }
}
