import { detectPersonalData, type DesignComment, type DesignSection, type Revision } from '@commons/domain';
import type { CommentRow, RevisionRow, SectionRow } from '../design.repository';
import { person } from '../tools.mappers';

/** A section as the API answers it; a held one's text only for those who may see it. */
export const toSection = (s: SectionRow, body: string = s.body, showHeld = false): DesignSection => ({
  key: s.key,
  title: s.title,
  body: s.held_at && !showHeld ? '' : body,
  revision: s.revision,
  updatedBy: person(s.updated_by, s.editor_name),
  updatedAt: s.updated_at?.toISOString() ?? null,
  held: s.held_at !== null,
});

export const toRevision = (r: RevisionRow): Revision => ({
  revision: r.revision,
  body: r.body,
  author: person(r.author_id, r.author_name),
  createdAt: r.created_at.toISOString(),
  name: r.name,
});

export const toComment = (c: CommentRow): DesignComment => ({
  id: Number(c.id),
  key: c.key,
  parentId: c.parent_id === null ? null : Number(c.parent_id),
  author: person(c.author_id, c.author_name),
  body: c.body,
  quote: c.quote,
  anchor: c.anchor,
  resolved: c.resolved_at !== null,
  createdAt: c.created_at.toISOString(),
});

/** What a reader may see of a section: its live text if the detector passes it, else its last clean version, else nothing. */
export const readerText = (live: string, saved: string) => (!detectPersonalData(live).length ? live : !detectPersonalData(saved).length ? saved : '');
