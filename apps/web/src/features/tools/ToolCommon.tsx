import './Tools.css';
import { renderMarkdown, type AdoptionStatus, type ToolStage } from '@commons/domain';

export const STAGE_TAG: Record<ToolStage, string> = {
  proposed: 'govuk-tag--grey',
  in_design: 'govuk-tag--purple',
  in_development: 'govuk-tag--yellow',
  released: 'govuk-tag--green',
  maintained: 'govuk-tag--green',
  retired: 'govuk-tag--red',
};

export function stageLabel(stage: ToolStage) {
  const words = stage.replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

export function StageTag({ stage }: { stage: ToolStage }) {
  return <strong className={`govuk-tag ${STAGE_TAG[stage]}`}>{stageLabel(stage)}</strong>;
}

export const ADOPTION_LABEL: Record<AdoptionStatus, string> = {
  uses: 'Uses it',
  pilots: 'Piloting it',
  interested: 'Interested',
  stopped: 'Stopped using it',
};

/** Repositories are stored as "owner/name" on GitHub; a full address is used as given. */
export function linkUrl(link: string) {
  return /^https?:\/\//.test(link) ? link : `https://github.com/${link}`;
}

/** Markdown rendered by the shared renderer, which escapes raw HTML and allows only safe links. */
export function Markdown({ text, className = '' }: { text: string; className?: string }) {
  return <div className={`app-markdown ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}

export function formatDate(iso: string) {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
