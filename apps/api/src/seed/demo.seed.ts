import { Injectable, Logger } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { FEEDBACK_NATURES, FEEDBACK_ROLES } from '@commons/domain';
import { DataSource } from 'typeorm';
import type { AdoptionStatus } from '@commons/domain';
import { AdoptionService } from '../tools/adoption.service';
import { DesignService } from '../tools/design.service';
import { ToolsService } from '../tools/tools.service';
import { MessagesService } from '../discussions/messages.service';
import { ThreadsService } from '../discussions/threads.service';
import { FeedbackService } from '../feedback/feedback.service';
import type { AuthUser } from '../auth/auth-user';
import { InitiativesService } from '../initiatives/initiatives.service';
import { UserRepository } from '../identity/identity.repositories';
import { OutboxService } from '../realtime/outbox.service';
import { seedSector } from './demo-sector';

/** Shared by every demo account; README lists them. Demo data is never loaded unless SEED_DEMO=true. */
export const DEMO_PASSWORD = 'commons-demo-password';

/**
 * Email, name, organisation (DfE LA code or organisation name), extra global roles. Each address is on a
 * demo subdomain the seed maps to that organisation (never a real council's domain), so the demo accounts
 * are verified members of their organisations.
 */
const DEMO_USERS: [email: string, name: string, org: string, roles: ('moderator' | 'admin')[]][] = [
  ['member@camden.demo.commons.local', 'Priya Shah', '202', []],
  ['maintainer@kent.demo.commons.local', 'Tom Okafor', '886', []],
  ['leader@birmingham.demo.commons.local', 'Helen Clarke', '330', []],
  ['moderator@dfe.demo.commons.local', 'Sam Rivers', 'Department for Education', ['moderator']],
  ['admin@bristol.demo.commons.local', 'Alex Morgan', '801', ['moderator', 'admin']],
];

/** Page feedback as readers send it; the moderation job sorts it (two of these hold personal data). */
const DEMO_FEEDBACK: [page: string, role: number, nature: number, summary: string, details: string | null][] = [
  ['/tools', 0, 0, 'The catalogue makes it easy to see who maintains what', 'We found the SSDA903 validator in seconds.'],
  ['/tools', 2, 4, 'The validator rejected the record for NHS number 943 476 5919', 'Episode dates look right to us. Can someone check rule 103?'],
  ['/', 0, 3, 'Would love a regional view of adoption', null],
  ['/tools', 1, 4, 'Export fails for our authority', 'Call me on 07700 900123, I am at SW1A 1AA most days.'],
];

/** Threads started by demo members: [author email, subject tool slug or null, kind, title, first message, replies by email]. */
const DEMO_THREADS: [string, string | null, 'discussion' | 'question', string, string, [string, string][]][] = [
  [
    'member@camden.demo.commons.local', '903-validator', 'question', 'Rule 103 fires on most of our episodes — expected?',
    'Rule 103 fires on 2,345 of our 9,876 episodes this year. Is anyone else seeing this after the 2024/25 update?',
    [['maintainer@kent.demo.commons.local', 'Yes — the rule changed this year. Check your **placement end reasons**; the [guidance](https://www.gov.uk/) explains the new codes.']],
  ],
  [
    'leader@birmingham.demo.commons.local', null, 'discussion', 'Who wants to co-design a regional adoption dashboard?',
    'We would love the demand model to forecast by placement type, and to see which authorities in each region use which tools.',
    [['member@camden.demo.commons.local', 'Camden would join. We can share our SQL for the SSDA903 extract.']],
  ],
];

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly users: UserRepository,
    private readonly outbox: OutboxService,
    private readonly feedback: FeedbackService,
    private readonly threads: ThreadsService,
    private readonly messaging: MessagesService,
    private readonly dataSource: DataSource,
    private readonly tools: ToolsService,
    private readonly adoption: AdoptionService,
    private readonly design: DesignService,
    private readonly initiatives: InitiativesService,
  ) {}

  /** Idempotent: running it twice changes nothing. */
  async seed() {
    const passwordHash = await hash(DEMO_PASSWORD);
    let created = 0;
    for (const [email, displayName, org, roles] of DEMO_USERS) {
      const organisationId = await this.users.organisationIdFor(org);
      const user = await this.users.createUnlessTaken({ email, displayName, passwordHash, organisationId, roles: ['member', ...roles] });
      if (user) created++;
    }
    // Each demo address's own subdomain (camden.demo.commons.local) is its organisation's, so they are verified members.
    for (const [email, , org] of DEMO_USERS) {
      await this.dataSource.query(`INSERT INTO organisation_domains (domain, organisation_id, confirmed) VALUES ($1, $2, true) ON CONFLICT (domain) DO NOTHING`, [email.split('@')[1], await this.users.organisationIdFor(org)]);
    }
    // The demo's people are who they say they are: their addresses count as confirmed.
    await this.dataSource.query(`UPDATE users SET email_verified_at = now() WHERE email = ANY($1) AND email_verified_at IS NULL`, [DEMO_USERS.map(([email]) => email)]);
    const rows = DEMO_FEEDBACK.map(([page, role, nature, summary, details], i) => ({
      page, summary, details, role: FEEDBACK_ROLES[role], nature: FEEDBACK_NATURES[nature], organisation: null, email: null,
      userId: null, clientHash: 'demo', idempotencyKey: `demo-feedback-${i + 1}`, status: 'pending' as const, tellMe: false,
    }));
    const sent = [...(await this.feedback.storeMany(rows)).values()].filter((id) => id !== null).length;
    let threads = 0;
    for (const [email, tool, kind, title, body, replies] of DEMO_THREADS) {
      const exists = await this.dataSource.query(`SELECT 1 FROM threads WHERE title = $1`, [title]);
      if (exists.length) continue;
      const author = await this.as(email);
      const { thread } = await this.threads.create(author, { subjectType: tool ? 'tool' : 'general', subjectId: tool ?? undefined, title, kind, body });
      for (const [replier, text] of replies) await this.outbox.transaction(async (tx) => this.messaging.append(tx, await this.as(replier), thread.id, { body: text }));
      threads++;
    }
    const tools = await this.seedTools();
    const initiatives = await this.seedInitiatives();
    const [leader, member, maintainer, moderator] = await Promise.all(
      ['leader@birmingham.demo.commons.local', 'member@camden.demo.commons.local', 'maintainer@kent.demo.commons.local', 'moderator@dfe.demo.commons.local'].map(async (e) => (await this.users.getByEmail(e))!.id),
    );
    const sector = await this.dataSource.transaction((m) => seedSector(m, { leader, member, maintainer, moderator }));
    if (created || sent || threads || tools || initiatives || sector) {
      this.logger.log(`demo data: ${created} users, ${sent} feedback items, ${threads} threads${tools ? ', tool maintainers, adoptions and a proposed tool' : ''}${initiatives ? ', initiatives' : ''}${sector ? ', the sector (descriptions, releases, adoption, ideas, a guide)' : ''}`);
    }
  }

  /** Maintainers, adoptions and a tool being designed, so the catalogue shows its features. Once only. */
  private async seedTools(): Promise<boolean> {
    const proposed = 'regional-adoption-dashboard';
    if ((await this.dataSource.query(`SELECT 1 FROM tools WHERE slug = $1`, [proposed])).length) return false;
    // The demo admin works for Bristol, so their adoption is Bristol's.
    const [admin, maintainer, leader, member] = await Promise.all(
      ['admin@bristol.demo.commons.local', 'maintainer@kent.demo.commons.local', 'leader@birmingham.demo.commons.local', 'member@camden.demo.commons.local'].map((e) => this.as(e)),
    );
    for (const slug of ['903-validator', 'cin-census-validator']) await this.tools.setMaintainer(admin, slug, maintainer.id, true);
    const adoptions: [AuthUser, string, AdoptionStatus][] = [
      [member, '903-validator', 'uses'],
      [maintainer, '903-validator', 'uses'],
      [leader, '903-validator', 'pilots'],
      [admin, 'cin-census-validator', 'uses'],
      [member, 'cin-census-validator', 'interested'],
    ];
    for (const [who, slug, status] of adoptions) await this.adoption.record(who, slug, who.organisationId!, { status });
    await this.tools.propose(leader, {
      slug: proposed,
      name: 'Regional adoption dashboard',
      summary: 'Shows which authorities in each region use which shared tools, to plan support and rollouts.',
      description: 'Co-designed in the Commons. See the design document and the discussion threads.',
      datasets: ['Network membership'],
      technology: ['Python', 'Streamlit'],
    });
    await this.design.save(leader, proposed, 'problem', {
      body: 'Regional leads cannot see at a glance which shared tools their authorities use, so support is planned from memory.',
      baseRevision: 0,
    });
    return true;
  }

  /** Three initiatives led by the demo leader, at different stages, so the overview and dashboard show their features. Once only. */
  private async seedInitiatives(): Promise<boolean> {
    const first = 'ssd-rollout-2026';
    if ((await this.dataSource.query(`SELECT 1 FROM initiatives WHERE slug = $1`, [first])).length) return false;
    const [leader, member, maintainer] = await Promise.all(['leader@birmingham.demo.commons.local', 'member@camden.demo.commons.local', 'maintainer@kent.demo.commons.local'].map((e) => this.as(e)));
    const year = new Date().getUTCFullYear();
    // Dates relative to today, so the demo always has something done, something overdue and something ahead.
    const date = (monthsFromNow: number) => new Date(Date.now() + monthsFromNow * 30 * 86_400_000).toISOString().slice(0, 10);

    await this.initiatives.propose(leader, {
      slug: first,
      title: 'Standard Safeguarding Dataset rollout',
      summary: 'Bring the Standard Safeguarding Dataset to twenty more authorities, with the deployment scripts and peer support.',
      description: '## Why\nOne shared extract means every tool built on it works everywhere.\n\n## How\n- pair each new authority with one that runs it\n- fortnightly drop-in\n- fix the deployment scripts as we go',
      focusArea: 'facilitating',
      startDate: date(-3),
      targetDate: date(6),
      toolSlugs: ['standard-safeguarding-dataset', 'ssd-deployment'],
    });
    await this.initiatives.update(leader, first, { status: 'active' });
    const milestones: [string, number, boolean][] = [
      ['Recruit the first cohort of ten authorities', -2, true],
      ['Deployment scripts tested on SQL Server and Oracle', -1, true],
      ['First cohort extracts validated', -0.5, false],
      ['Second cohort of ten authorities', 3, false],
      ['Lessons learnt published', 6, false],
    ];
    for (const [title, months, done] of milestones) {
      const { milestone } = await this.initiatives.addMilestone(leader, first, { title, dueDate: date(months) });
      if (done) await this.initiatives.updateMilestone(leader, first, milestone.id, { done: true });
    }
    await this.initiatives.participate(member, first, true);
    await this.initiatives.postUpdate(leader, first, { body: 'Ten authorities have the scripts running. **Two** are waiting on database access from their IT teams, so validation slips by a fortnight.', rag: 'at_risk' });

    const rules = `validator-rules-${year}`;
    await this.initiatives.propose(leader, {
      slug: rules,
      title: `Yearly validator rule update ${year}/${String(year + 1).slice(2)}`,
      summary: "Update the SSDA903 and CIN census validators to this year's DfE guidance before the statutory returns open.",
      description: "Rule changes are collected from the DfE's published validation rules; each one gets a test before release.",
      focusArea: 'maintaining',
      startDate: date(-1),
      targetDate: date(4),
      toolSlugs: ['903-validator', 'cin-census-validator'],
    });
    await this.initiatives.update(leader, rules, { status: 'active' });
    await this.initiatives.setLeader(leader, rules, maintainer.id, true);
    for (const [title, months] of [['Collect rule changes from the DfE guidance', 0.5], ['Release candidates for testing by authorities', 2], ['Final release', 4]] as const) {
      await this.initiatives.addMilestone(leader, rules, { title, dueDate: date(months) });
    }
    await this.initiatives.postUpdate(maintainer, rules, { body: 'The guidance is out; we have listed 14 changed rules in the thread.', rag: 'on_track' });
    await this.initiatives.follow(member, rules, true);

    await this.initiatives.propose(leader, {
      slug: 'demand-model-advice-clinics',
      title: 'Demand model advice clinics',
      summary: 'Monthly clinics helping analysts set up and interpret the children’s social care demand model.',
      description: 'Bring your questions and your (synthetic) data. Proposed: looking for a co-leader from another region.',
      focusArea: 'advising',
      toolSlugs: ['demand-model', 'demand-model-web'],
    });
    return true;
  }

  /** Acting as a demo user, as a request from them would. */
  private async as(email: string): Promise<AuthUser> {
    return (await this.users.getAuthUser((await this.users.getByEmail(email))!.id))!;
  }
}
