import { IDEA_STATUS_LABEL, type Backing, type IdeaStatus } from '@commons/domain';

const TAG: Record<IdeaStatus, string> = {
  open: 'govuk-tag--blue',
  under_review: 'govuk-tag--purple',
  planned: 'govuk-tag--turquoise',
  in_design: 'govuk-tag--yellow',
  delivered: 'govuk-tag--green',
  declined: 'govuk-tag--grey',
};

export function StatusTag({ status }: { status: IdeaStatus }) {
  return <strong className={`govuk-tag ${TAG[status]}`}>{IDEA_STATUS_LABEL[status]}</strong>;
}

/** "Backed by 14 authorities in 7 regions". */
export function backedBy({ authorities, regions }: Backing): string {
  if (authorities === 0) return 'Not backed yet';
  const a = authorities === 1 ? '1 authority' : `${authorities} authorities`;
  const r = regions === 1 ? '1 region' : `${regions} regions`;
  return `Backed by ${a} in ${r}`;
}
