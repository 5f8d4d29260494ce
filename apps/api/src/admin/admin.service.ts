import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { z } from 'zod';
import type { AdminUserQuery, AuditQuery, DomainInput } from '@commons/domain';
import { topics } from '@commons/realtime';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../realtime/outbox.service';
import { AdminRepository } from './admin.repository';
import { AuditRepository } from './audit.repository';

/** The admin screens: people (disable, enable), organisations and their email domains, the audit log. Every change is audited. */
@Injectable()
export class AdminService {
  constructor(
    private readonly admin: AdminRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxService,
  ) {}

  people(query: z.output<typeof AdminUserQuery>) {
    return this.admin.people(query.q, query.limit, query.offset);
  }

  /**
   * Disabling ends every sign-in at once: the sessions are revoked with the change, and the event closes
   * the person's sockets on every instance (as "log out everywhere" does).
   */
  async setDisabled(actor: AuthUser, id: string, disabled: boolean) {
    if (id === actor.id && disabled) throw new ConflictException({ message: 'You cannot disable your own account', fields: { disabled: 'Ask another admin' } });
    const user = await this.outbox.transaction(async (tx) => {
      if (!(await this.admin.person(id, tx.manager))) throw new NotFoundException('No such user');
      if (await this.admin.setDisabled(tx.manager, id, disabled)) {
        await this.audit.record(tx.manager, { actorId: actor.id, action: disabled ? 'user.disabled' : 'user.enabled', targetType: 'user', targetId: id });
      }
      if (disabled) tx.record({ topic: topics.user(id), type: 'user.sessions.revoked', payload: { userId: id, reason: 'disabled' } }, { actorId: actor.id });
      return (await this.admin.person(id, tx.manager))!;
    });
    return { user };
  }

  async organisations(q: string | undefined) {
    return { items: await this.admin.organisations(q) };
  }

  async domains(organisationId: number) {
    await this.organisation(organisationId);
    return { items: await this.admin.domains(organisationId) };
  }

  async addDomain(actor: AuthUser, organisationId: number, dto: z.output<typeof DomainInput>) {
    const organisation = await this.organisation(organisationId);
    const domain = await this.outbox.transaction(async (tx) => {
      const added = await this.admin.addDomain(tx.manager, organisationId, dto.domain, dto.confirmed);
      if (!added) {
        const owner = await this.admin.domain(dto.domain, tx.manager);
        throw new ConflictException({ message: `${dto.domain} belongs to ${owner?.organisation_name ?? 'another organisation'}`, fields: { domain: 'Remove it from that organisation first' } });
      }
      await this.audit.record(tx.manager, { actorId: actor.id, action: 'organisation.domain.added', targetType: 'organisation', targetId: String(organisationId), detail: { domain: dto.domain, confirmed: dto.confirmed, organisation: organisation.name } });
      return added;
    });
    return { domain };
  }

  async confirmDomain(actor: AuthUser, organisationId: number, domain: string, confirmed: boolean) {
    await this.organisation(organisationId);
    const changed = await this.outbox.transaction(async (tx) => {
      const before = await this.admin.domain(domain, tx.manager);
      const row = before?.organisation_id === organisationId ? await this.admin.setConfirmed(tx.manager, organisationId, domain, confirmed) : null;
      if (!row) throw new NotFoundException(`${domain} is not a domain of this organisation`);
      if (before!.confirmed !== confirmed) {
        await this.audit.record(tx.manager, { actorId: actor.id, action: confirmed ? 'organisation.domain.confirmed' : 'organisation.domain.unconfirmed', targetType: 'organisation', targetId: String(organisationId), detail: { domain } });
      }
      return row;
    });
    return { domain: changed };
  }

  async removeDomain(actor: AuthUser, organisationId: number, domain: string) {
    await this.organisation(organisationId);
    await this.outbox.transaction(async (tx) => {
      if (!(await this.admin.removeDomain(tx.manager, organisationId, domain))) throw new NotFoundException(`${domain} is not a domain of this organisation`);
      await this.audit.record(tx.manager, { actorId: actor.id, action: 'organisation.domain.removed', targetType: 'organisation', targetId: String(organisationId), detail: { domain } });
    });
  }

  auditLog(query: z.output<typeof AuditQuery>) {
    return this.audit.list(query);
  }

  private async organisation(id: number) {
    const organisation = await this.admin.organisation(id);
    if (!organisation) throw new NotFoundException('No such organisation');
    return organisation;
  }
}
