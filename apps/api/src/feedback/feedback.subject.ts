import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Check, ModerationSubject, Redacted, SubjectContent } from '../moderation/moderation.subject';
import { ModerationService } from '../moderation/moderation.service';
import type { Tx } from '../realtime/outbox.service';
import { type FeedbackContentRow, FeedbackRepository } from './feedback.repository';

const STATUS = { approve: 'published', redact: 'redacted', reject: 'rejected' } as const;


/** What moderators see of a submission. */
export function feedbackContent(f: Omit<FeedbackContentRow, 'id'>): SubjectContent {
  return { page: f.page, nature: f.nature, summary: f.summary, details: f.details, role: f.role, organisation: f.organisation, email: f.email, author: null, threadId: null };
}

/** Feedback under moderation: held feedback is shown to nobody; redacted feedback shows its redacted text. */
@Injectable()
export class FeedbackSubject implements ModerationSubject {
  readonly fields = ['summary', 'details', 'organisation'] as const;

  constructor(
    private readonly feedback: FeedbackRepository,
    moderation: ModerationService,
  ) {
    // In the constructor, not onModuleInit: the demo seeder enqueues items before the app is initialised.
    moderation.register('feedback', this);
  }

  async contents(ids: number[], manager?: EntityManager): Promise<Map<number, SubjectContent>> {
    const rows = await this.feedback.byIds(ids, manager);
    return new Map(
      rows.map((f) => [Number(f.id), feedbackContent(f)]),
    );
  }

  recentTexts(ids: number[]) {
    return this.feedback.recentSummaries(ids);
  }

  async applyChecks(tx: Tx, checks: Check[]) {
    await this.feedback.setStatus(tx.manager, checks.map((c) => ({ id: c.id, status: c.state, redacted: c.redacted })));
  }

  async applyDecision(tx: Tx, id: number, decision: 'approve' | 'redact' | 'reject', redacted: Redacted) {
    await this.feedback.setStatus(tx.manager, [{ id, status: STATUS[decision], redacted: decision === 'redact' ? redacted : null }]);
  }

  purgeOriginal(tx: Tx, id: number, replacement: Redacted) {
    return this.feedback.purgeOriginal(tx.manager, id, replacement);
  }
}
