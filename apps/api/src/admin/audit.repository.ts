import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, AuditEntry } from '@commons/domain';

/** One change an admin (or a tool's maintainer, for its access) made. */
export interface AuditRecord {
  actorId: string;
  action: AuditAction;
  targetType: 'user' | 'organisation' | 'tool';
  targetId: string;
  detail?: Record<string, unknown>;
}

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string;
  target_name: string | null;
  detail: Record<string, unknown>;
  at: Date;
}

const INSERT_AUDIT = `INSERT INTO audit_log (actor_id, action, target_type, target_id, detail) VALUES ($1, $2, $3, $4, $5)`;

// The target's current name, so the log reads as sentences; ids stay for targets since renamed or removed.
const LIST_AUDIT = `
  SELECT a.id, a.actor_id, actor.display_name AS actor_name, a.action, a.target_type, a.target_id, a.detail, a.at,
         CASE a.target_type
           WHEN 'user' THEN (SELECT display_name FROM users WHERE id::text = a.target_id)
           WHEN 'organisation' THEN (SELECT name FROM organisations WHERE id::text = a.target_id)
           WHEN 'tool' THEN (SELECT name FROM tools WHERE slug = a.target_id)
         END AS target_name
  FROM audit_log a LEFT JOIN users actor ON actor.id = a.actor_id
  WHERE ($1::text IS NULL OR a.action = $1) AND ($2::bigint IS NULL OR a.id < $2)
  ORDER BY a.id DESC LIMIT $3`;

/** The audit log: written in the same transaction as the change it records, so neither exists without the other. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  async record(manager: EntityManager, entry: AuditRecord) {
    await manager.query(INSERT_AUDIT, [entry.actorId, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.detail ?? {})]);
  }

  /** Newest first; one more than asked tells whether there is another page. */
  async list(query: { action?: string; before?: number; limit: number }): Promise<{ items: AuditEntry[]; hasMore: boolean }> {
    const rows: AuditRow[] = await this.db.query(LIST_AUDIT, [query.action ?? null, query.before ?? null, query.limit + 1]);
    return {
      items: rows.slice(0, query.limit).map((r) => ({
        id: Number(r.id),
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        targetName: r.target_name,
        detail: r.detail,
        at: r.at.toISOString(),
      })),
      hasMore: rows.length > query.limit,
    };
  }
}
