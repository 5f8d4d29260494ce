import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Feed } from 'feed';
import { renderMarkdown } from '@commons/domain';
import { ENV, Env } from '../config/env';
import { ExportsRepository } from './exports.repository';

/** Entries in each Atom feed: readers poll, so the newest are enough. */
const FEED_ENTRIES = 50;

/**
 * CSV for spreadsheets: a byte-order mark so Excel reads UTF-8, and every cell starting =, +, -, @, tab
 * or CR prefixed with ' (csv-stringify's escape_formulas) so no cell runs as a formula when opened.
 */
function csv(columns: string[], rows: unknown[][]): string {
  return stringify([columns, ...rows], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

// Entries are typed html (the feed package's choice): notes and updates are Markdown, rendered as the
// pages render them, so raw HTML in them arrives escaped, never as markup.

@Injectable()
export class ExportsService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly exports: ExportsRepository,
  ) {}

  async toolsCsv(): Promise<string> {
    const rows = await this.exports.tools();
    return csv(
      ['slug', 'name', 'summary', 'stage', 'datasets', 'technology', 'licence', 'repository', 'origin', 'used_by_local_authorities', 'latest_version', 'updated_on', 'url'],
      rows.map((t) => [
        t.slug, t.name, t.summary, t.stage, t.datasets.join('; '), t.technology.join('; '), t.licence, t.repository, t.origin,
        t.used_by, t.latest_version, day(t.updated_at), `${this.env.PUBLIC_ORIGIN}/tools/${t.slug}`,
      ]),
    );
  }

  async adoptionsCsv(): Promise<string> {
    const rows = await this.exports.adoptions();
    return csv(
      ['la_code', 'ons_code', 'organisation', 'region', 'tool_slug', 'tool_name', 'status', 'version', 'updated_on'],
      rows.map((a) => [a.la_code, a.ons_code, a.organisation, a.region, a.tool_slug, a.tool_name, a.status, a.version, day(a.updated_at)]),
    );
  }

  async ideasCsv(): Promise<string> {
    const rows = await this.exports.ideas();
    return csv(
      ['id', 'kind', 'title', 'status', 'authorities_backing', 'regions', 'backed_by', 'taken_forward_in', 'raised_on', 'url'],
      rows.map((i) => [i.id, i.kind, i.title, i.status, i.authorities, i.regions, i.backers.join('; '), i.link, day(i.created_at), `${this.env.PUBLIC_ORIGIN}/ideas/${i.id}`]),
    );
  }

  async releasesAtom(): Promise<string> {
    const feed = this.feed('releases', 'Data Tools Commons: tool releases', 'New releases of the shared children’s services data tools');
    for (const r of await this.exports.releases(FEED_ENTRIES)) {
      const link = `${this.env.PUBLIC_ORIGIN}/tools/${r.slug}`;
      feed.addItem({ id: `${link}#release-${r.id}`, link, title: `${r.tool_name} ${r.version}`, description: r.notes ? renderMarkdown(r.notes) : `Released on ${r.released_on}`, date: r.created_at });
    }
    return feed.atom1();
  }

  async initiativesAtom(): Promise<string> {
    const feed = this.feed('initiatives', 'Data Tools Commons: initiative updates', 'Progress updates from the sector’s initiatives');
    const rag = { on_track: 'on track', at_risk: 'at risk', off_track: 'off track' } as Record<string, string>;
    for (const u of await this.exports.initiativeUpdates(FEED_ENTRIES)) {
      const link = `${this.env.PUBLIC_ORIGIN}/initiatives/${u.slug}`;
      feed.addItem({
        id: `${link}#update-${u.id}`, link, title: u.rag ? `${u.title} (${rag[u.rag] ?? u.rag})` : u.title, description: renderMarkdown(u.body), date: u.created_at,
        ...(u.author && { author: [{ name: u.author }] }),
      });
    }
    return feed.atom1();
  }

  private feed(name: string, title: string, description: string) {
    const self = `${this.env.PUBLIC_ORIGIN}/feeds/${name}.atom`;
    return new Feed({ id: self, link: this.env.PUBLIC_ORIGIN, title, description, copyright: 'Data Tools Commons contributors', feedLinks: { atom: self }, updated: new Date() });
  }
}
