import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type CommentFields, type DesignSection, type NewSection, type SectionEdit } from '@commons/domain';
import { topics } from '@commons/realtime';
import { refusePersonalData } from '../common/personal-data';
import type { AuthUser } from '../auth/auth-user';
import { ENV, Env } from '../config/env';
import { OutboxService } from '../realtime/outbox.service';
import { DesignRepository } from './design.repository';
import { compareTexts } from './design/compare';
import { DesignDocs } from './design/design-docs';
import { DesignLive } from './design/design-live.service';
import { DesignVersions } from './design/design-versions.service';
import { readerText, toComment, toRevision, toSection } from './design/sections';
import { ToolsService } from './tools.service';

/** Thrown for a stale baseRevision; the tools filter answers 409 with the section as it now is. */
export class StaleRevision extends ConflictException {
  constructor(readonly current: DesignSection) {
    super(`Someone saved revision ${current.revision} of this section first: merge your changes into it and save again`);
  }
}

const isModerator = (user: AuthUser | null) => !!user?.roles.some((r) => r === 'moderator' || r === 'admin');

/**
 * The co-design document. People in the editor write live (Yjs, tools/design/); scripts save whole
 * sections against a base revision over REST, and those writes land in the live document too.
 */
@Injectable()
export class DesignService {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly design: DesignRepository,
    private readonly docs: DesignDocs,
    private readonly versions: DesignVersions,
    private readonly live: DesignLive,
    private readonly catalogue: ToolsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Every section's current text, live edits included. Signed-out readers get neither a held section's
   * text nor live text that looks like personal data (they get its last saved version, which is clean).
   */
  async get(slug: string, user: AuthUser | null = null) {
    const tool = await this.catalogue.find(slug);
    const [rows, texts] = await Promise.all([this.design.sections(tool.id), this.docs.texts(tool.id)]);
    const sections = rows.map((s) => {
      const live = texts.get(s.key) ?? s.body;
      const body = user ? live : readerText(live, s.body);
      return toSection(s, body, user !== null);
    });
    return { slug, sections };
  }

  private async section(toolId: number, name: string, key: string) {
    const section = await this.design.section(toolId, key);
    if (!section) throw new NotFoundException(`${name} has no design section ${key}`);
    return section;
  }

  async save(user: AuthUser, slug: string, key: string, edit: SectionEdit) {
    refusePersonalData({ body: edit.body });
    const tool = await this.catalogue.find(slug);
    await this.section(tool.id, tool.name, key);
    let update: Uint8Array | null = null;
    const section = await this.outbox.transaction(async (tx) => {
      const revision = await this.design.save(tx.manager, tool.id, key, edit.body, edit.baseRevision, user.id);
      const current = toSection((await this.design.section(tool.id, key, tx.manager))!, undefined, true);
      if (revision === null) throw new StaleRevision(current);
      // The same text in the live document, so people in the editor see it arrive.
      update = await this.docs.replace(tx.manager, tool.id, key, edit.body, user.id);
      tx.record({ topic: topics.tool(slug), type: 'tool.design.section.updated', payload: { ...current, slug } }, { actorId: user.id });
      return current;
    });
    this.live.published(tool, key, update);
    return { section };
  }

  async add(user: AuthUser, slug: string, dto: NewSection) {
    refusePersonalData({ title: dto.title });
    const tool = await this.catalogue.find(slug);
    await this.catalogue.assertMaintainer(user, tool);
    const section = await this.outbox.transaction(async (tx) => {
      if (!(await this.design.add(tx.manager, tool.id, dto.key, dto.title))) {
        throw new ConflictException({ message: `There is a section ${dto.key} already`, fields: { key: 'This section exists already' } });
      }
      const added = toSection((await this.design.section(tool.id, dto.key, tx.manager))!);
      tx.record({ topic: topics.tool(slug), type: 'tool.design.section.updated', payload: { ...added, slug } }, { actorId: user.id });
      return added;
    });
    return { section };
  }

  /** A held section's versions are shown only to the signed in (who edit it) until a moderator clears it. */
  private async readableRevisions(user: AuthUser | null, slug: string, key: string, numbers?: number[]) {
    const tool = await this.catalogue.find(slug);
    const section = await this.section(tool.id, tool.name, key);
    if (section.held_at && !user) return { tool, rows: [] };
    return { tool, rows: await this.design.revisions(tool.id, key, numbers) };
  }

  async revisions(slug: string, key: string, user: AuthUser | null = null) {
    return { items: (await this.readableRevisions(user, slug, key)).rows.map(toRevision) };
  }

  /** Two revisions and a line diff from the first to the second, computed within DESIGN_COMPARE_MS. */
  async compare(slug: string, key: string, from: number, to: number, user: AuthUser | null = null) {
    const { rows } = await this.readableRevisions(user, slug, key, [from, to]);
    const pick = (n: number) => {
      const r = rows.find((x) => x.revision === n);
      if (!r) throw new NotFoundException(`Section ${key} has no revision ${n}`);
      return toRevision(r);
    };
    const before = pick(from);
    const after = pick(to);
    return { from: before, to: after, ...(await compareTexts(before.body, after.body, this.env.DESIGN_COMPARE_MS)) };
  }

  /** A named version of the live text (or, unchanged since the last version, that version named). */
  async nameVersion(user: AuthUser, slug: string, key: string, name: string) {
    refusePersonalData({ name });
    const tool = await this.catalogue.find(slug);
    await this.section(tool.id, tool.name, key);
    const v = await this.versions.version(tool, key, { name, userId: user.id });
    if (v && 'revision' in v && v.held) this.live.heldChanged(tool, key, true);
    return this.revisions(slug, key, user);
  }

  /** An earlier version's text becomes the live text and the next revision. */
  async restore(user: AuthUser, slug: string, key: string, revision: number) {
    const tool = await this.catalogue.find(slug);
    await this.section(tool.id, tool.name, key);
    const [old] = await this.design.revisions(tool.id, key, [revision]);
    if (!old) throw new NotFoundException(`Section ${key} has no revision ${revision}`);
    const update = await this.outbox.transaction((tx) => this.docs.replace(tx.manager, tool.id, key, old.body, user.id));
    this.live.published(tool, key, update);
    const v = await this.versions.version(tool, key, { name: `Restored revision ${revision}`, userId: user.id });
    if (v && 'revision' in v && v.held) this.live.heldChanged(tool, key, true);
    return { section: toSection((await this.design.section(tool.id, key))!, undefined, true) };
  }

  /** Moderators: a held section is shown to readers again. */
  async clear(user: AuthUser, slug: string, key: string) {
    if (!isModerator(user)) throw new ForbiddenException('Only moderators can clear a held section');
    const tool = await this.catalogue.find(slug);
    await this.section(tool.id, tool.name, key);
    if (await this.versions.clear(tool, key, user.id)) this.live.heldChanged(tool, key, false);
    return { section: toSection((await this.design.section(tool.id, key))!, undefined, true) };
  }

  /** Moderators: the sections held for personal data, across all tools. */
  async held() {
    const rows = await this.design.held();
    return { items: rows.map((r) => ({ slug: r.slug, toolName: r.tool_name, key: r.key, title: r.title, heldAt: r.held_at.toISOString(), kinds: r.held_kinds })) };
  }

  async comments(slug: string, user: AuthUser | null) {
    const tool = await this.catalogue.find(slug);
    // Comments quote the text: a held section's stay with the signed in, as its text does.
    const held = new Set((await this.design.sections(tool.id)).filter((s) => s.held_at).map((s) => s.key));
    return { items: (await this.design.comments(tool.id, null)).filter((c) => user || !held.has(c.key)).map(toComment) };
  }

  async comment(user: AuthUser, slug: string, key: string, input: CommentFields) {
    refusePersonalData({ body: input.body, quote: input.quote });
    const tool = await this.catalogue.find(slug);
    await this.section(tool.id, tool.name, key);
    const id = await this.design.addComment(tool.id, key, user.id, input);
    if (id === null) throw new NotFoundException({ message: `No comment ${input.parentId} on this section`, fields: { parentId: 'Reply to a comment on this section' } });
    const [row] = await this.design.comments(tool.id, key, id);
    await this.live.commented(tool, key, toComment(row));
    return { comment: toComment(row) };
  }

  async resolve(user: AuthUser, slug: string, key: string, id: number, resolved: boolean) {
    const tool = await this.catalogue.find(slug);
    if (!(await this.design.resolveComment(tool.id, key, id, user.id, resolved))) throw new NotFoundException(`No comment ${id} on this section`);
    const [row] = await this.design.comments(tool.id, key, id);
    await this.live.commented(tool, key, toComment(row));
    return { comment: toComment(row) };
  }
}
