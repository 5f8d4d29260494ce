import { Injectable, NotFoundException } from '@nestjs/common';
import type { Watch, WatchInput, WatchLevel, WatchParams, WatchSubjectType } from '@commons/domain';
import { DatabaseService } from '../database/database.module';
import type { AuthUser } from '../auth/auth-user';
import { InitiativesService } from '../initiatives/initiatives.service';
import { WatchRepository, WatchRow } from './watch.repository';

function subjectUrl(type: WatchSubjectType, id: string) {
  return type === 'thread' ? `/threads/${id}` : `/${type}s/${id}`;
}

function toWatch(type: WatchSubjectType, id: string, title: string, row?: WatchRow): Watch {
  return { subjectType: type, subjectId: id, title, url: subjectUrl(type, id), level: row?.level ?? 'normal', reason: row?.reason ?? 'default' };
}

/** What a member watches, and changing it. Following an initiative and watching it are one thing. */
@Injectable()
export class WatchService {
  constructor(
    private readonly db: DatabaseService,
    private readonly watches: WatchRepository,
    private readonly initiatives: InitiativesService,
  ) {}

  private async subject({ subjectType, subjectId }: WatchParams) {
    const subject = await this.watches.subject(subjectType, subjectId);
    if (!subject) throw new NotFoundException({ message: `No ${subjectType} ${subjectId}`, fields: { subjectId: `No such ${subjectType}` } });
    return subject;
  }

  async list(user: AuthUser): Promise<{ items: Watch[] }> {
    const rows = await this.watches.forUser(user.id);
    const items = rows.map((r) => toWatch(r.subject_type, r.subject_id, r.title, r));
    items.sort((a, b) => a.subjectType.localeCompare(b.subjectType) || a.title.localeCompare(b.title));
    return { items };
  }

  async get(user: AuthUser, params: WatchParams): Promise<Watch> {
    const { title } = await this.subject(params);
    const [row] = await this.watches.forUser(user.id, { type: params.subjectType, id: params.subjectId });
    return toWatch(params.subjectType, params.subjectId, title, row);
  }

  async set(user: AuthUser, params: WatchParams, { level }: WatchInput): Promise<Watch> {
    const { title } = await this.subject(params);
    const { subjectType: type, subjectId: id } = params;
    if (type === 'initiative') {
      // Through the follow route's own code, so the follower count everyone sees stays live.
      await this.initiatives.follow(user, id, level === 'watching');
      await this.store(user.id, type, id, level === 'muted' ? 'muted' : null);
    } else {
      // Kept even when normal: it overrides the author's or maintainer's default of watching.
      await this.store(user.id, type, id, level);
    }
    const [row] = await this.watches.forUser(user.id, { type, id });
    return toWatch(type, id, title, row);
  }

  private store(userId: string, type: WatchSubjectType, id: string, level: WatchLevel | null) {
    return this.db.transaction((manager) => this.watches.set(manager, userId, type, id, level));
  }
}
