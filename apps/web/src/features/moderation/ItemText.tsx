import { useState, type ReactNode } from 'react';
import { api } from '../../api';
import { kindLabel, type ModerationItem, type ModerationOriginal } from '@commons/domain';

type Findings = ModerationItem['findings'];

/** The text with each finding in a <mark>, labelled with its kind. */
function Highlighted({ text, findings }: { text: string; findings: Findings }) {
  const parts: ReactNode[] = [];
  let pos = 0;
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  for (const [i, f] of sorted.entries()) {
    let { start, end } = f;
    // Trust the offsets only when they point at the text found; otherwise look for the text itself.
    if (text.slice(start, end) !== f.text) {
      start = f.text ? text.indexOf(f.text, pos) : -1;
      end = start + f.text.length;
    }
    if (start < pos || end <= start || end > text.length) continue;
    if (start > pos) parts.push(text.slice(pos, start));
    parts.push(
      <mark key={i} className="app-finding" data-kind={f.kind} title={kindLabel(f.kind)}>
        {text.slice(start, end)}
        <span className="app-finding__kind">
          <span className="govuk-visually-hidden"> (looks like </span>
          {kindLabel(f.kind)}
          <span className="govuk-visually-hidden">)</span>
        </span>
      </mark>,
    );
    pos = end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return <>{parts}</>;
}

type Texts = { summary: string; details: string | null; organisation?: string | null };

function Fields({ texts, findings, message }: { texts: Texts; findings: Findings; message: boolean }) {
  const of = (field: string) => findings.filter((f) => f.field === field);
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{message ? 'Message' : 'Summary'}</h3>
      <p className="govuk-body app-item__text">
        <Highlighted text={texts.summary} findings={of('summary')} />
      </p>
      {texts.details && (
        <>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Details</h3>
          <p className="govuk-body app-item__text">
            <Highlighted text={texts.details} findings={of('details')} />
          </p>
        </>
      )}
      {texts.organisation && (
        <>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">Organisation</h3>
          <p className="govuk-body app-item__text">
            <Highlighted text={texts.organisation} findings={of('organisation')} />
          </p>
        </>
      )}
    </>
  );
}

/**
 * The item's text as moderators see it by default: the redacted copy. The original is one click away,
 * through a request the audit log records, and is not kept once hidden again.
 */
export function ItemText({ item, onLooked }: { item: ModerationItem; onLooked(): void }) {
  const [original, setOriginal] = useState<ModerationOriginal | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const message = item.subjectType === 'message';

  async function show() {
    setBusy(true);
    setError(null);
    try {
      setOriginal(await api<ModerationOriginal>('POST', `/api/moderation/items/${item.id}/original`));
      onLooked();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The original could not be loaded');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="app-item__content">
      {item.state === 'redacted' && <p className="govuk-body-s govuk-!-margin-bottom-1">Published, redacted:</p>}
      <div data-testid="redacted-copy">
        <Fields texts={item.content} findings={[]} message={message} />
      </div>
      {item.hasOriginal &&
        (original ? (
          <div className="govuk-inset-text app-item__original" data-testid="original">
            <h3 className="govuk-heading-s">Original{original.purged ? ' (the retention period is over: only the redacted copy is left)' : ''}</h3>
            <Fields texts={original.original} findings={original.findings} message={message} />
            <button type="button" className="govuk-link app-link-button" onClick={() => setOriginal(null)}>
              Hide original
            </button>
          </div>
        ) : (
          <p className="govuk-body">
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-disabled={busy || undefined} onClick={() => !busy && show()}>
              {busy ? 'Showing original…' : 'Show original'}
              <span className="govuk-visually-hidden"> of item {item.id}</span>
            </button>
            <span className="govuk-body-s app-item__when"> Each look is recorded in the audit trail.</span>
          </p>
        ))}
      {error && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
    </div>
  );
}
