import { Injectable } from '@nestjs/common';
import type { ActivityList, AuthorityList } from '@commons/domain';
import type { AuthUser } from '../auth/auth-user';
import { readsLocalAuthorityTools } from '../tools/tool-access';
import { CommunityRepository } from './community.repository';

@Injectable()
export class CommunityService {
  constructor(private readonly community: CommunityRepository) {}

  async authorities(user: AuthUser | null): Promise<AuthorityList> {
    const rows = await this.community.authorities(readsLocalAuthorityTools(user));
    return { items: rows.map((r) => ({ id: r.id, name: r.name, laCode: r.la_code, onsCode: r.ons_code, region: r.region, uses: r.uses })) };
  }

  async activity(user: AuthUser | null, limit: number): Promise<ActivityList> {
    const rows = await this.community.activity(readsLocalAuthorityTools(user), limit);
    return { items: rows.map((r) => ({ type: r.type, title: r.title, url: r.url, at: r.at.toISOString() })) };
  }
}
