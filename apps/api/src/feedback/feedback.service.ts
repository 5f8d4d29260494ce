import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { FeedbackInput, PublicFeedback } from '@commons/domain';
import { QueryFailedError } from 'typeorm';
import type { z } from 'zod';
import { Batcher } from '../common/batcher';
import { RateLimiter } from '../common/rate-limiter';
import { ENV, Env } from '../config/env';
import type { AuthUser } from '../auth/auth-user';
import { ModerationService } from '../moderation/moderation.service';
import { feedbackContent } from './feedback.subject';
import { OutboxService } from '../realtime/outbox.service';
import { FeedbackRepository, NewFeedback } from './feedback.repository';

type Input = z.output<typeof FeedbackInput>;

/**
 * Submissions one transaction stores at most. One transaction at a time: each holds the `moderation`
 * topic's seq until commit, so a second would wait for it anyway (measured: two at once cost more CPU
 * in the API and Postgres for a lower rate); meanwhile the next batch fills.
 */
const INTAKE_BATCH = 200;

@Injectable()
export class FeedbackService {
  private salt?: Promise<string>;
  private readonly intake = new Batcher<NewFeedback, number | null>((_, rows) => this.store(rows), INTAKE_BATCH);

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly feedback: FeedbackRepository,
    private readonly moderation: ModerationService,
    private readonly outbox: OutboxService,
    private readonly limiter: RateLimiter,
  ) {}

  /** Salted, so the stored value cannot be turned back into the address by trying them all. */
  private async clientHash(ip: string) {
    this.salt ??= this.feedback.salt();
    return createHash('sha256').update(`${await this.salt}:${ip}`).digest('hex');
  }

  /**
   * Stores the feedback and puts it in the moderators' live queue in one transaction; the moderation
   * job follows. A filled honeypot gets the same answer but is stored as spam and shown to nobody.
   */
  async submit(user: AuthUser | null, dto: Input, client: { ip: string; idempotencyKey: string | null }) {
    const clientHash = await this.clientHash(client.ip);
    await this.limiter.take(`feedback:${clientHash}`, this.env.FEEDBACK_RATE_PER_MINUTE, 60);
    const key = client.idempotencyKey;
    const received = (id: number) => ({ id, status: 'received' as const });
    if (key) {
      const existing = await this.feedback.idByKey(key);
      if (existing) return received(existing);
    }
    const id = await this.intake.add('feedback', {
      page: dto.page,
      nature: dto.nature ?? null,
      summary: dto.summary,
      details: dto.details ?? null,
      role: dto.role,
      organisation: dto.organisation ?? null,
      email: dto.email ?? null,
      userId: user?.id ?? null,
      clientHash,
      idempotencyKey: key,
      status: dto.hp_field ? 'spam' : 'pending',
      tellMe: dto.tellMe ?? false,
    });
    // A concurrent retry with the same key won the insert: answer with its id.
    return received(id ?? (await this.feedback.idByKey(key!))!);
  }

  /**
   * Submissions that arrive together are stored together: one transaction, the same handful of round
   * trips and one commit for the batch (intake is bound by round trips per submission:
   * docs/PERFORMANCE.md, "Round trips"). A batch one row of which the database refused is stored again one by one, so
   * that submission fails alone; any other failure (the database away, a timeout) fails the batch at
   * once: trying each again would make every submission wait out the same failure in turn.
   */
  private async store(rows: NewFeedback[]): Promise<Map<NewFeedback, number | null | Error>> {
    try {
      return await this.storeMany(rows);
    } catch (error) {
      if (rows.length === 1 || !refusedRow(error)) throw error;
      const results = new Map<NewFeedback, number | null | Error>();
      for (const row of rows) results.set(row, await this.storeMany([row]).then((r) => r.get(row)!, (e: Error) => e));
      return results;
    }
  }

  /** In one transaction, with their queue items and events; each id, or null where its idempotency key was used already. */
  storeMany(rows: NewFeedback[]): Promise<Map<NewFeedback, number | null>> {
    return this.outbox.transaction(async (tx) => {
      const ids = await this.feedback.insertMany(tx.manager, rows);
      const queued = rows.flatMap((row, i) => (row.status === 'pending' && ids[i] !== null ? [{ id: ids[i], content: feedbackContent(row) }] : []));
      await this.moderation.enqueueNew(tx, 'feedback', queued);
      return new Map(rows.map((row, i) => [row, ids[i]]));
    });
  }

  /**
   * Published feedback (redacted where a moderator redacted it): for moderators, and for the people who
   * look after the page it was sent from (its tool's maintainers, its initiative's leaders).
   */
  async list(user: AuthUser, query: { page?: string; limit: number }): Promise<{ items: PublicFeedback[] }> {
    const moderator = user.roles.some((r) => r === 'moderator' || r === 'admin');
    if (!moderator && !(query.page && (await this.feedback.ownsPage(query.page, user.id)))) {
      throw new ForbiddenException('Feedback on a page is shown to moderators and to the maintainers or leaders of that page');
    }
    const rows = await this.feedback.visible(query.page, query.limit);
    return {
      items: rows.map((r: Record<string, any>) => ({
        id: Number(r.id),
        page: r.page,
        nature: r.nature,
        summary: r.summary,
        details: r.details,
        role: r.role,
        organisation: r.organisation,
        createdAt: r.created_at.toISOString(),
      })),
    };
  }
}

/** A Postgres error about one row's data (a bad value, a constraint, a trigger's refusal), not about the database. */
function refusedRow(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? ((error.driverError as { code?: string }).code ?? '') : '';
  return /^(22|23|P0)/.test(code);
}
