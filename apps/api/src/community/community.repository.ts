import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/prepared';
import { toolReadableSql } from '../tools/tool-access';

export interface AuthorityRow {
  id: number;
  name: string;
  la_code: string | null;
  ons_code: string | null;
  region: string | null;
  uses: { slug: string; name: string; status: 'uses' | 'pilots' }[];
}

export interface ActivityRow {
  type: 'tool.proposed' | 'tool.released' | 'initiative.update' | 'question.answered' | 'thread.started' | 'idea.raised' | 'idea.backed' | 'guide.published';
  title: string;
  url: string;
  at: Date;
}

// $1: whether the reader may see local-authority-only tools (tool-access.ts).
const AUTHORITIES = `
  SELECT o.id, o.name, o.la_code, o.ons_code, o.region,
         COALESCE((SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name, 'status', a.status) ORDER BY t.name)
                   FROM tool_adoptions a JOIN tools t ON t.id = a.tool_id
                   WHERE a.organisation_id = o.id AND a.status IN ('uses', 'pilots') AND ${toolReadableSql('t', '$1')}), '[]') AS uses
  FROM organisations o WHERE o.kind = 'local_authority' ORDER BY o.region NULLS LAST, o.name`;

/**
 * What the community did lately, newest first, from the tables themselves (the outbox is pruned and
 * holds private topics too). Threads on tools the reader may not read are left out, like the tools.
 */
const ACTIVITY = `
  SELECT * FROM (
    SELECT 'tool.proposed' AS type, t.name AS title, '/tools/' || t.slug AS url, t.created_at AS at
      FROM tools t WHERE ${toolReadableSql('t', '$1')}
    UNION ALL
    SELECT 'tool.released', t.name || ' ' || r.version, '/tools/' || t.slug, r.created_at
      FROM tool_releases r JOIN tools t ON t.id = r.tool_id WHERE ${toolReadableSql('t', '$1')}
    UNION ALL
    SELECT 'initiative.update', i.title, '/initiatives/' || i.slug, u.created_at
      FROM initiative_updates u JOIN initiatives i ON i.id = u.initiative_id
    UNION ALL
    SELECT 'idea.raised', i.title, '/ideas/' || i.id, i.created_at FROM ideas i
    UNION ALL
    SELECT 'idea.backed', i.title || ': backed by ' || o.name, '/ideas/' || i.id, b.created_at
      FROM idea_backings b JOIN ideas i ON i.id = b.idea_id JOIN organisations o ON o.id = b.organisation_id
    UNION ALL
    SELECT 'guide.published', g.title, '/guides/' || g.slug, g.created_at FROM guides g
    UNION ALL
    SELECT CASE WHEN th.kind = 'question' AND th.accepted_message_id IS NOT NULL THEN 'question.answered' ELSE 'thread.started' END,
           th.title, '/threads/' || th.id, CASE WHEN th.accepted_message_id IS NOT NULL THEN th.last_message_at ELSE th.created_at END
      FROM threads th
      WHERE NOT EXISTS (SELECT 1 FROM tools x WHERE th.subject_type = 'tool' AND x.slug = th.subject_id AND NOT ${toolReadableSql('x', '$1')})
  ) a ORDER BY at DESC LIMIT $2`;

@Injectable()
export class CommunityRepository {
  constructor(private readonly db: DataSource) {}

  authorities(readsLocalAuthorityTools: boolean) {
    return query<AuthorityRow>(this.db.manager, AUTHORITIES, [readsLocalAuthorityTools]);
  }

  activity(readsLocalAuthorityTools: boolean, limit: number) {
    return query<ActivityRow>(this.db.manager, ACTIVITY, [readsLocalAuthorityTools, limit]);
  }
}
