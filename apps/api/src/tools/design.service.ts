import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { lineDiff, type DesignSection, type NewSection, type Revision, type SectionEdit } from '@commons/domain';
import { topics } from '@commons/realtime';
import { refusePersonalData } from '../common/personal-data';
import type { AuthUser } from '../auth/auth-user';
import { OutboxService } from '../realtime/outbox.service';
import { DesignRepository, RevisionRow, SectionRow } from './design.repository';
import { person } from './tools.mappers';
import { ToolsService } from './tools.service';

/** Thrown for a stale baseRevision; the tools filter answers 409 with the section as it now is. */
export class StaleRevision extends ConflictException {
  constructor(readonly current: DesignSection) {
    super(`Someone saved revision ${current.revision} of this section first: merge your changes into it and save again`);
  }
}

const toSection = (s: SectionRow): DesignSection => ({
  key: s.key,
  title: s.title,
  body: s.body,
  revision: s.revision,
  updatedBy: person(s.updated_by, s.editor_name),
  updatedAt: s.updated_at?.toISOString() ?? null,
});

const toRevision = (r: RevisionRow): Revision => ({ revision: r.revision, body: r.body, author: person(r.author_id, r.author_name), createdAt: r.created_at.toISOString() });

/** The co-design document: members edit sections against a base revision; nothing is overwritten silently. */
@Injectable()
export class DesignService {
  constructor(
    private readonly design: DesignRepository,
    private readonly catalogue: ToolsService,
    private readonly outbox: OutboxService,
  ) {}

  async get(slug: string) {
    const tool = await this.catalogue.find(slug);
    return { slug, sections: (await this.design.sections(tool.id)).map(toSection) };
  }

  async save(user: AuthUser, slug: string, key: string, edit: SectionEdit) {
    refusePersonalData({ body: edit.body });
    const tool = await this.catalogue.find(slug);
    if (!(await this.design.section(tool.id, key))) throw new NotFoundException(`${tool.name} has no design section ${key}`);
    const section = await this.outbox.transaction(async (tx) => {
      const revision = await this.design.save(tx.manager, tool.id, key, edit.body, edit.baseRevision, user.id);
      const current = toSection((await this.design.section(tool.id, key, tx.manager))!);
      if (revision === null) throw new StaleRevision(current);
      tx.record({ topic: topics.tool(slug), type: 'tool.design.section.updated', payload: { ...current, slug } }, { actorId: user.id });
      return current;
    });
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

  async revisions(slug: string, key: string) {
    const tool = await this.catalogue.find(slug);
    if (!(await this.design.section(tool.id, key))) throw new NotFoundException(`${tool.name} has no design section ${key}`);
    return { items: (await this.design.revisions(tool.id, key)).map(toRevision) };
  }

  /** Two revisions and a line diff from the first to the second. */
  async compare(slug: string, key: string, from: number, to: number) {
    const tool = await this.catalogue.find(slug);
    const found = await this.design.revisions(tool.id, key, [from, to]);
    const pick = (n: number) => {
      const r = found.find((x) => x.revision === n);
      if (!r) throw new NotFoundException(`Section ${key} has no revision ${n}`);
      return toRevision(r);
    };
    const before = pick(from);
    const after = pick(to);
    return { from: before, to: after, diff: lineDiff(before.body, after.body) };
  }
}
