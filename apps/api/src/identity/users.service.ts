import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import type { GlobalRole, UpdateRolesInput, UserQuery } from '@commons/domain';
import { topics } from '@commons/realtime';
import { ENV, Env } from '../config/env';
import { type AuthUser, toUser } from '../auth/auth-user';
import { AuditRepository } from '../admin/audit.repository';
import { OutboxService } from '../realtime/outbox.service';
import { toAuthUser, UserRepository } from './identity.repositories';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly users: UserRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditRepository,
  ) {}

  async list(query: UserQuery) {
    const [items, total] = await this.users.search(query.q, query.limit, query.offset);
    const memberships = await this.users.memberships(items.map((u) => u.id));
    return { items: items.map((u) => toUser(toAuthUser(u, memberships.get(u.id) ?? null))), total };
  }

  async updateRoles(actor: AuthUser, id: string, dto: UpdateRolesInput) {
    const user = await this.users.getById(id);
    if (!user) throw new NotFoundException('No such user');
    const roles: GlobalRole[] = ['member', ...dto.roles];
    // An admin locking themselves out would leave the Commons with nobody able to grant roles.
    if (user.id === actor.id && !roles.includes('admin')) {
      throw new ConflictException({ message: 'You cannot remove your own admin role', fields: { roles: 'Keep admin on your own account' } });
    }
    await this.outbox.transaction(async (tx) => {
      await this.users.setRoles(id, roles, tx.manager);
      const same = user.roles.length === roles.length && roles.every((r) => user.roles.includes(r));
      if (!same) await this.audit.record(tx.manager, { actorId: actor.id, action: 'user.roles.changed', targetType: 'user', targetId: id, detail: { from: user.roles, to: roles } });
      tx.record({ topic: topics.user(id), type: 'user.roles.changed', payload: { userId: id, roles, by: actor.id } }, { actorId: actor.id });
    });
    return { user: toUser(toAuthUser({ ...user, roles }, await this.users.membership(id))) };
  }

  /** ADMIN_EMAIL + ADMIN_PASSWORD make the first admin; an existing account is only promoted. */
  async ensureAdmin() {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.env;
    if (!email || !password) return;
    const existing = await this.users.getByEmail(email.toLowerCase());
    // The operator set this address: it counts as confirmed.
    const confirm = (id: string) => this.outbox.transaction((tx) => tx.manager.query(`UPDATE users SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL`, [id]));
    if (existing) {
      const roles = [...new Set<GlobalRole>([...existing.roles, 'admin', 'moderator'])];
      if (roles.length !== existing.roles.length) await this.users.setRoles(existing.id, roles);
      await confirm(existing.id);
      return;
    }
    const created = await this.users.createUnlessTaken({
      email: email.toLowerCase(),
      passwordHash: await hash(password),
      displayName: 'Administrator',
      organisationId: null,
      roles: ['member', 'moderator', 'admin'],
    });
    if (created) await confirm(created.id);
    this.logger.log(`created admin ${email}`);
  }
}
