import { Inject, Injectable } from '@nestjs/common';
import { detectPersonalData } from '@commons/domain';
import { topics } from '@commons/realtime';
import { ENV, Env } from '../../config/env';
import { OutboxService } from '../../realtime/outbox.service';
import { DesignRepository } from '../design.repository';
import { DesignDocs } from './design-docs';
import { toSection } from './sections';

export type Versioned = { revision: number; held: boolean } | { later: number } | null;

/**
 * Versions of a section's live text: automatic ones after a pause in editing, named ones on request.
 * A version whose text looks like personal data holds the section (hidden from readers) until a
 * moderator clears it: live typing cannot be refused keystroke by keystroke, so it is caught here.
 */
@Injectable()
export class DesignVersions {
  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly design: DesignRepository,
    private readonly docs: DesignDocs,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Saves the live text as the next revision. `auto`: only after DESIGN_VERSION_PAUSE_MS without an
   * update ({later: ms} otherwise) and only if the text changed. A name with unchanged text names the
   * latest revision instead. Null when there was nothing to save.
   */
  async version(tool: { id: number; slug: string }, key: string, opts: { auto?: boolean; name?: string; userId?: string }): Promise<Versioned> {
    return this.outbox.transaction(async (tx) => {
      const row = await this.design.lock(tx.manager, tool.id, key);
      if (!row) return null;
      const last = await this.docs.lastUpdate(tool.id, key, tx.manager);
      if (opts.auto && last && last.ageMs < this.env.DESIGN_VERSION_PAUSE_MS) return { later: this.env.DESIGN_VERSION_PAUSE_MS - last.ageMs };
      const state = await this.docs.load(tool.id, key, tx.manager);
      const text = state!.text;
      if (text === row.body) {
        if (!opts.name || row.revision === 0) return null;
        await this.design.nameRevision(tx.manager, tool.id, key, row.revision, opts.name);
        return { revision: row.revision, held: row.held_at !== null };
      }
      // An automatic version is the work of whoever typed last.
      const revision = await this.design.version(tx.manager, tool.id, key, text, opts.userId ?? last?.authorId ?? null, opts.name ?? null);
      const kinds = [...new Set(detectPersonalData(text).map((f) => f.kind))];
      if (kinds.length) await this.design.hold(tx.manager, tool.id, key, kinds);
      const section = (await this.design.section(tool.id, key, tx.manager))!;
      tx.record({ topic: topics.tool(tool.slug), type: 'tool.design.section.updated', payload: { ...toSection(section), slug: tool.slug } }, { actorId: opts.userId ?? last?.authorId ?? null });
      return { revision, held: section.held_at !== null };
    });
  }

  /** A moderator lets readers see a held section again. False when it was not held. */
  async clear(tool: { id: number; slug: string }, key: string, moderatorId: string): Promise<boolean> {
    return this.outbox.transaction(async (tx) => {
      if (!(await this.design.clear(tx.manager, tool.id, key, moderatorId))) return false;
      const section = (await this.design.section(tool.id, key, tx.manager))!;
      tx.record({ topic: topics.tool(tool.slug), type: 'tool.design.section.updated', payload: { ...toSection(section), slug: tool.slug } }, { actorId: moderatorId });
      return true;
    });
  }
}
