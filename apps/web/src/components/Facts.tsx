import type { ReactNode } from 'react';
import { formatDate } from '../features/tools/ToolCommon';

/** A GOV.UK summary list of the facts that have a value. */
export function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows
        .filter(([, value]) => value)
        .map(([key, value]) => (
          <div key={key} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

interface Change<T> {
  from: T | null;
  to: T;
  by: { displayName: string } | null;
  at: string;
}

/** Who moved something from one stage or status to another, and when; folded away. */
export function ChangeHistory<T extends string>({ title, history, label }: { title: string; history: Change<T>[]; label: (value: T) => string }) {
  if (!history.length) return null;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{title}</span>
      </summary>
      <ol className="govuk-details__text govuk-list">
        {history.map((h, n) => (
          <li key={n}>
            {h.from ? `${label(h.from)} → ` : ''}
            {label(h.to)}, by {h.by?.displayName ?? 'a former member'}, {formatDate(h.at)}
          </li>
        ))}
      </ol>
    </details>
  );
}
