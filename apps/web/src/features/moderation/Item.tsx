import { useState, type ReactNode } from 'react';
import type { ModerationItem } from '@commons/domain';
import { AuditTrail } from './AuditTrail';
import { DecisionForm } from './DecisionForm';
import { ItemText } from './ItemText';
import { DECISIONS, OUTCOMES, STATES, StateTag, Time } from './labels';
import { fetchItem } from './queue';
import { LinkAnswer } from '../answers/Answers';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/**
 * One queue item. `full`: read over HTTP, so its contact details are known (live events never carry
 * them). Decided items show the decision, not the buttons.
 */
export function Item({ item, fresh, full, onItem }: { item: ModerationItem; fresh: boolean; full: boolean; onItem(item: ModerationItem): void }) {
  const [auditOpen, setAuditOpen] = useState(false);
  const [looks, setLooks] = useState(0);
  const { content } = item;
  const heading = `item-${item.id}-heading`;
  const decided = item.decidedAt !== null;
  const loadFull = () => fetchItem(item.id).then((latest) => latest && onItem(latest), () => undefined);

  return (
    <li className={`app-item${fresh ? ' app-item--new' : ''}`} aria-labelledby={heading} data-item-id={item.id} data-state={item.state}>
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2" id={heading}>
        {item.subjectType === 'message' ? 'Message in ' : 'Feedback on '}
        <a className="govuk-link app-item__page" href={content.page}>
          {content.page}
        </a>
        <span className="govuk-visually-hidden">, item {item.id}</span>
      </h2>
      <p className="govuk-body app-item__tags">
        <StateTag state={item.state} />
        {item.outcome && OUTCOMES[item.outcome] && <strong className={`govuk-tag ${OUTCOMES[item.outcome].tag}`}>{OUTCOMES[item.outcome].label}</strong>}
        {item.reason === 'flag' && <strong className="govuk-tag govuk-tag--orange">Reported</strong>}
        <span className="govuk-body-s app-item__when">
          Received <Time iso={item.createdAt} />
        </span>
      </p>

      <ItemText item={item} onLooked={() => setLooks((n) => n + 1)} />

      <dl className="govuk-summary-list govuk-summary-list--no-border app-item__facts">
        {content.author && <Row label="Author">{content.author.displayName}</Row>}
        {item.flags.map((flag, i) => (
          <Row key={i} label="Reported">
            {flag.reason.replace('_', ' ')} by {flag.by.displayName}
            {flag.note ? `: ${flag.note}` : ''}
          </Row>
        ))}
        {content.role && <Row label="Role">{content.role}</Row>}
        {item.subjectType === 'feedback' && <Row label="Nature">{content.nature ?? 'Not given'}</Row>}
        {item.subjectType === 'feedback' && !full && (
          <Row label="Contact">
            <button type="button" className="govuk-link app-link-button" onClick={loadFull}>
              Show email and organisation
            </button>
          </Row>
        )}
        {content.email && <Row label="Email">{content.email}</Row>}
        {item.subjectType === 'feedback' && (
          <Row label="Answered by">
            <LinkAnswer source={{ type: 'feedback', id: item.subjectId }} />
          </Row>
        )}
      </dl>

      {decided ? (
        <p className="govuk-body app-item__decision">
          {item.decision ? DECISIONS[item.decision].done : STATES[item.state].label}
          {item.decidedBy && ` by ${item.decidedBy.displayName}`}
          {item.decidedAt && (
            <>
              , <Time iso={item.decidedAt} />
            </>
          )}
          .{item.note && <> Note: “{item.note}”</>}
        </p>
      ) : (
        <DecisionForm key={`${item.checkedAt}`} item={item} onItem={onItem} />
      )}

      <button
        type="button"
        className="govuk-link app-link-button app-item__audit-toggle"
        aria-expanded={auditOpen}
        aria-controls={`item-${item.id}-audit`}
        onClick={() => setAuditOpen((o) => !o)}
      >
        {auditOpen ? 'Hide audit trail' : 'Show audit trail'}
        <span className="govuk-visually-hidden"> of item {item.id}</span>
      </button>
      <div id={`item-${item.id}-audit`}>{auditOpen && <AuditTrail itemId={item.id} version={`${item.checkedAt}|${item.decidedAt}|${looks}`} />}</div>
    </li>
  );
}
