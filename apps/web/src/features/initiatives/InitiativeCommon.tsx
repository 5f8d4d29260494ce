import './Initiatives.css';
import type { FocusArea, InitiativeStatus, Progress, Rag } from '@commons/domain';
import type { EventEnvelope, Topic } from '@commons/realtime';
import { useTopic } from '../../realtime';

export const STATUS_LABEL: Record<InitiativeStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
const STATUS_TAG: Record<InitiativeStatus, string> = {
  proposed: 'govuk-tag--grey',
  active: 'govuk-tag--blue',
  paused: 'govuk-tag--yellow',
  completed: 'govuk-tag--green',
  cancelled: 'govuk-tag--red',
};
export const FOCUS_LABEL: Record<FocusArea, string> = { maintaining: 'Maintaining', advising: 'Advising', facilitating: 'Facilitating' };
export const RAG_LABEL: Record<Rag, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };
const RAG_TAG: Record<Rag, string> = { on_track: 'govuk-tag--green', at_risk: 'govuk-tag--orange', off_track: 'govuk-tag--red' };

export function StatusTag({ status }: { status: InitiativeStatus }) {
  return <strong className={`govuk-tag ${STATUS_TAG[status]}`}>{STATUS_LABEL[status]}</strong>;
}

export function RagTag({ rag }: { rag: Rag | null }) {
  return rag ? <strong className={`govuk-tag ${RAG_TAG[rag]}`}>{RAG_LABEL[rag]}</strong> : null;
}

export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  return (
    <div data-testid="progress" data-percent={progress.percent}>
      <div className="app-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent}>
        <div className="app-progress__bar" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="govuk-body-s">
        {progress.done} of {progress.total} milestones done ({progress.percent}%)
      </p>
    </div>
  );
}

export function formatDay(date: string | null) {
  return date ? new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '';
}

/** Follows one topic for as long as it is rendered: lets a list follow each of its rows. */
export function Live({ topic, onEvent }: { topic: Topic; onEvent: (event: EventEnvelope) => void }) {
  useTopic(topic, onEvent);
  return null;
}
