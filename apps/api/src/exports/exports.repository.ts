import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { query } from '../database/prepared';

export interface ToolExportRow {
  slug: string;
  name: string;
  summary: string;
  stage: string;
  datasets: string[];
  technology: string[];
  licence: string | null;
  repository: string | null;
  origin: string | null;
  used_by: number;
  latest_version: string | null;
  updated_at: Date;
}

export interface AdoptionExportRow {
  la_code: string | null;
  ons_code: string | null;
  organisation: string;
  region: string | null;
  tool_slug: string;
  tool_name: string;
  status: string;
  version: string | null;
  updated_at: Date;
}

export interface IdeaExportRow {
  id: number;
  kind: string;
  title: string;
  status: string;
  authorities: number;
  regions: number;
  backers: string[];
  link: string | null;
  created_at: Date;
}

export interface ReleaseFeedRow {
  id: number;
  slug: string;
  tool_name: string;
  version: string;
  notes: string;
  released_on: string;
  created_at: Date;
}

export interface UpdateFeedRow {
  id: number;
  slug: string;
  title: string;
  body: string;
  rag: string | null;
  author: string | null;
  created_at: Date;
}

/** Public rows only: local-authority-only tools never leave through an export or a feed. */
const TOOLS = `
  SELECT t.slug, t.name, t.summary, t.stage, t.datasets, t.technology, t.licence, t.repository, org.name AS origin,
         (SELECT count(*)::int FROM tool_adoptions a JOIN organisations o ON o.id = a.organisation_id
          WHERE a.tool_id = t.id AND a.status = 'uses' AND o.kind = 'local_authority') AS used_by,
         (SELECT r.version FROM tool_releases r WHERE r.tool_id = t.id ORDER BY r.released_on DESC, r.id DESC LIMIT 1) AS latest_version,
         t.updated_at
  FROM tools t LEFT JOIN organisations org ON org.id = t.origin_organisation_id
  WHERE t.access = 'public' ORDER BY t.name`;

const ADOPTIONS = `
  SELECT o.la_code, o.ons_code, o.name AS organisation, o.region, t.slug AS tool_slug, t.name AS tool_name, a.status, a.version, a.updated_at
  FROM tool_adoptions a JOIN tools t ON t.id = a.tool_id JOIN organisations o ON o.id = a.organisation_id
  WHERE t.access = 'public' ORDER BY o.name, t.name`;

const IDEAS = `
  SELECT i.id, i.kind, i.title, i.status,
         (SELECT count(*)::int FROM idea_backings b WHERE b.idea_id = i.id) AS authorities,
         (SELECT count(DISTINCT o.region)::int FROM idea_backings b JOIN organisations o ON o.id = b.organisation_id WHERE b.idea_id = i.id) AS regions,
         ARRAY(SELECT o.name FROM idea_backings b JOIN organisations o ON o.id = b.organisation_id WHERE b.idea_id = i.id ORDER BY o.name) AS backers,
         i.link_type || ':' || i.link_id AS link, i.created_at
  FROM ideas i ORDER BY authorities DESC, i.created_at DESC`;

const RELEASES = `
  SELECT r.id, t.slug, t.name AS tool_name, r.version, r.notes, r.released_on::text, r.created_at
  FROM tool_releases r JOIN tools t ON t.id = r.tool_id
  WHERE t.access = 'public' ORDER BY r.created_at DESC, r.id DESC LIMIT $1`;

const UPDATES = `
  SELECT u.id, i.slug, i.title, u.body, u.rag, p.display_name AS author, u.created_at
  FROM initiative_updates u JOIN initiatives i ON i.id = u.initiative_id LEFT JOIN users p ON p.id = u.author_id
  ORDER BY u.created_at DESC, u.id DESC LIMIT $1`;

@Injectable()
export class ExportsRepository {
  constructor(private readonly db: DataSource) {}

  tools() {
    return query<ToolExportRow>(this.db.manager, TOOLS);
  }

  adoptions() {
    return query<AdoptionExportRow>(this.db.manager, ADOPTIONS);
  }

  ideas() {
    return query<IdeaExportRow>(this.db.manager, IDEAS);
  }

  releases(limit: number) {
    return query<ReleaseFeedRow>(this.db.manager, RELEASES, [limit]);
  }

  initiativeUpdates(limit: number) {
    return query<UpdateFeedRow>(this.db.manager, UPDATES, [limit]);
  }
}
