import { isOverdue, progressOf, type DashboardItem, type Initiative, type InitiativeSummary, type InitiativeUpdate, type Milestone } from '@commons/domain';
import { person } from '../tools/tools.mappers';
import type { InitiativeRow, MilestoneRow, ParticipantRow, PersonRow, StatusRow, UpdateRow } from './initiatives.repository';

export function toMilestone(m: MilestoneRow, today = new Date().toISOString().slice(0, 10)): Milestone {
  const done = m.done_at !== null;
  return {
    id: m.id,
    title: m.title,
    dueDate: m.due_date,
    position: m.position,
    done,
    doneBy: person(m.done_by, m.done_by_name),
    doneAt: m.done_at?.toISOString() ?? null,
    overdue: isOverdue({ done, dueDate: m.due_date }, today),
  };
}

export function toUpdate(u: UpdateRow): InitiativeUpdate {
  return { id: u.id, body: u.body, rag: u.rag, author: person(u.author_id, u.author_name), createdAt: u.created_at.toISOString() };
}

export function toSummary(i: InitiativeRow, leaders: PersonRow[]): InitiativeSummary {
  return {
    slug: i.slug,
    title: i.title,
    summary: i.summary,
    status: i.status,
    focusArea: i.focus_area,
    startDate: i.start_date,
    targetDate: i.target_date,
    leaders: leaders.map((l) => ({ id: l.id, displayName: l.display_name })),
    progress: progressOf(i.done, i.total),
    overdue: i.overdue,
    rag: i.rag,
    lastUpdateAt: i.last_update_at?.toISOString() ?? null,
    followers: i.followers,
  };
}

export function toInitiative(
  i: InitiativeRow,
  parts: { leaders: PersonRow[]; tools: { slug: string; name: string }[]; participants: ParticipantRow[]; milestones: MilestoneRow[]; updates: UpdateRow[]; history: StatusRow[] },
): Initiative {
  const organisations = new Map<number, string>();
  for (const p of parts.participants) if (p.organisation_id) organisations.set(p.organisation_id, p.organisation_name ?? '');
  return {
    ...toSummary(i, parts.leaders),
    description: i.description,
    tools: parts.tools,
    organisations: [...organisations].map(([id, name]) => ({ id, name })),
    participants: parts.participants.map((p) => ({
      user: { id: p.id, displayName: p.display_name },
      organisation: p.organisation_id ? { id: p.organisation_id, name: p.organisation_name ?? '' } : null,
      joinedAt: p.joined_at.toISOString(),
    })),
    milestones: parts.milestones.map((m) => toMilestone(m)),
    updates: parts.updates.map(toUpdate),
    statusHistory: parts.history.map((h) => ({ from: h.from_status, to: h.to_status, by: person(h.id, h.display_name), at: h.changed_at.toISOString() })),
    createdAt: i.created_at.toISOString(),
    updatedAt: i.updated_at.toISOString(),
  };
}

export function toDashboardItem(i: InitiativeRow & { role: 'leader' | 'follower' }, leaders: PersonRow[], milestones: MilestoneRow[], lastUpdate: UpdateRow | undefined): DashboardItem {
  return {
    ...toSummary(i, leaders),
    role: i.role,
    overdueMilestones: milestones.map((m) => toMilestone(m)).filter((m) => m.overdue),
    lastUpdate: lastUpdate ? toUpdate(lastUpdate) : null,
  };
}
