import type { DecisionInput, ModerationItem, ModerationState } from '@commons/domain';

export type State = ModerationState;
export type Decision = DecisionInput['decision'];
/** What the console lists: one state, what needs a decision (pending and held), or everything. */
export type Filter = State | 'open' | 'all';

export const STATES: Record<State, { label: string; tag: string }> = {
  pending: { label: 'Pending check', tag: 'govuk-tag--grey' },
  held: { label: 'Held', tag: 'govuk-tag--red' },
  published: { label: 'Published', tag: 'govuk-tag--turquoise' },
  approved: { label: 'Approved', tag: 'govuk-tag--green' },
  redacted: { label: 'Redacted', tag: 'govuk-tag--purple' },
  rejected: { label: 'Rejected', tag: 'govuk-tag--pink' },
};
export const OUTCOMES: Record<string, { label: string; tag: string }> = {
  personal_data: { label: 'Personal data', tag: 'govuk-tag--red' },
  abusive: { label: 'Abusive', tag: 'govuk-tag--orange' },
  spam: { label: 'Spam', tag: 'govuk-tag--yellow' },
};
export const DECISIONS: Record<Decision, { label: string; done: string; button: string }> = {
  approve: { label: 'Approve', done: 'Approved', button: 'govuk-button' },
  redact: { label: 'Redact', done: 'Redacted', button: 'govuk-button govuk-button--secondary' },
  reject: { label: 'Reject', done: 'Rejected', button: 'govuk-button govuk-button--warning' },
};
/** Audit actions that are not decisions. */
export const ACTIONS: Record<string, string> = { view_original: 'Viewed the original' };

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
export function Time({ iso }: { iso: string }) {
  return <time dateTime={iso}>{when.format(new Date(iso))}</time>;
}

export function StateTag({ state }: { state: State }) {
  const s = STATES[state];
  return <strong className={`govuk-tag ${s.tag}`}>{s.label}</strong>;
}

/** One line for screen readers when an item changes live. */
export function describe(item: ModerationItem): string {
  const on = `${item.subjectType === 'message' ? 'Message in' : 'Feedback on'} ${item.content.page}`;
  if (item.decidedAt) return `${on} ${DECISIONS[item.decision!]?.done.toLowerCase() ?? item.state}${item.decidedBy ? ` by ${item.decidedBy.displayName}` : ''}`;
  if (item.state === 'held') return `${on} held${item.outcome && OUTCOMES[item.outcome] ? `: ${OUTCOMES[item.outcome].label.toLowerCase()}` : ''}`;
  return `${on} ${STATES[item.state].label.toLowerCase()}`;
}
