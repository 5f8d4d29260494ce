import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router-dom';
import { FEEDBACK_NATURES, FEEDBACK_ROLES, FEEDBACK_THANKS, FeedbackInput, fieldsFromIssues } from '@commons/domain';
import { api, ApiError, randomId } from '../api';
import { ErrorSummary, RadiosField, SelectField, TextAreaField, TextField, errorsFromServer, type FieldErrors } from './forms';
import { PersonalDataWarning } from './PersonalDataWarning';

/** Field ids carry a prefix: the form sits on every page, next to the page's own forms. */
const ID = (field: string) => `feedback-${field}`;
const ORDER = ['nature', 'summary', 'details', 'role', 'organisation', 'email'].map(ID);

const EMPTY = { nature: '', summary: '', details: '', role: '', organisation: '', email: '', hp_field: '', tellMe: false };
type Values = typeof EMPTY;

function prefixed(fields: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [key === '_' ? key : ID(key), message]));
}

function failure(err: unknown): FieldErrors {
  if (err instanceof ApiError && err.status === 429) {
    const wait = err.retryAfter ? ` Try again in ${err.retryAfter} ${err.retryAfter === 1 ? 'second' : 'seconds'}.` : '';
    return { _: `${err.message}${wait}` };
  }
  return prefixed(errorsFromServer(err));
}

/**
 * "Help us improve this page": the Centre's page-feedback form, on every page (docs/architecture.md,
 * "Page feedback"). Validated in the browser with the schema the API uses; warns, without blocking, when
 * the text looks like it holds a child's personal details.
 */
export function FeedbackForm() {
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const pending = useRef(false);
  /** One key per submission attempt: a retry or a double click of the same content lands once. */
  const idempotencyKey = useRef<string | null>(null);
  const thanks = useRef<HTMLDivElement>(null);

  // Another page: what was said about the last one no longer applies.
  useEffect(() => {
    setErrors({});
    setSent(false);
  }, [pathname]);

  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);

  function set<K extends keyof Values>(field: K) {
    return (value: string) => {
      idempotencyKey.current = null; // new content, new submission
      setSent(false);
      setValues((v) => ({ ...v, [field]: value }));
    };
  }

  function fail(found: FieldErrors) {
    setErrors(found);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending.current) return;
    const parsed = FeedbackInput.safeParse({
      page: pathname,
      nature: values.nature || undefined,
      summary: values.summary,
      details: values.details,
      role: values.role || undefined,
      organisation: values.organisation,
      email: values.email,
      tellMe: values.tellMe || undefined,
      hp_field: values.hp_field || undefined,
    });
    if (!parsed.success) return fail(prefixed(fieldsFromIssues(parsed.error.issues)));

    pending.current = true;
    setSending(true);
    idempotencyKey.current ??= randomId();
    try {
      await api<{ id: number; status: 'received' }>('POST', '/api/feedback', parsed.data, {
        headers: { 'Idempotency-Key': idempotencyKey.current },
      });
      idempotencyKey.current = null;
      setValues(EMPTY);
      setErrors({});
      setSent(true);
    } catch (err) {
      // The key stays: sending the same thing again is a retry of this attempt.
      fail(failure(err));
    } finally {
      pending.current = false;
      setSending(false);
    }
  }

  const on = {
    nature: set('nature'),
    summary: set('summary'),
    details: set('details'),
    role: set('role'),
    organisation: set('organisation'),
    email: set('email'),
    hp_field: set('hp_field'),
  };

  return (
    <section className="app-feedback" aria-label="Page feedback">
      <details className="govuk-details app-feedback__details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Help us improve this page</span>
        </summary>
        {/* Rendered only while open, so its fields never mix with the page's own. */}
        {open && (
          <div className="govuk-details__text app-feedback__body">
            {sent && (
              <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="feedback-sent-title" ref={thanks} tabIndex={-1}>
                <div className="govuk-notification-banner__header">
                  <h2 className="govuk-notification-banner__title" id="feedback-sent-title">
                    Success
                  </h2>
                </div>
                <div className="govuk-notification-banner__content">
                  <p className="govuk-notification-banner__heading">{FEEDBACK_THANKS}</p>
                  <p className="govuk-body">A moderator checks feedback before anyone else can see it.</p>
                </div>
              </div>
            )}
            <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
            <h2 className="govuk-heading-m">Help us improve this page</h2>
            <p className="govuk-body">
              Tell the Centre of Excellence what you think of this page. Do not include personal details about children,
              families or anyone else, such as names, NHS numbers or pupil numbers.
            </p>
            {/* noValidate: the shared schema gives the messages, not the browser */}
            <form onSubmit={onSubmit} noValidate aria-label="Page feedback">
              <RadiosField
                id={ID('nature')}
                name="nature"
                legend="What kind of feedback is this? (optional)"
                options={FEEDBACK_NATURES.map((n) => ({ value: n, label: n }))}
                value={values.nature}
                onChange={on.nature}
                error={errors[ID('nature')]}
                small
              />
              <TextField
                id={ID('summary')}
                label="Summary"
                hint="In a sentence, what would you like us to know? At least 5 characters."
                value={values.summary}
                onChange={(e) => on.summary(e.target.value)}
                error={errors[ID('summary')]}
                after={<PersonalDataWarning text={values.summary} mode="hold" />}
                autoComplete="off"
              />
              <TextAreaField
                id={ID('details')}
                label="Details (optional)"
                value={values.details}
                onChange={(e) => on.details(e.target.value)}
                error={errors[ID('details')]}
                after={<PersonalDataWarning text={values.details} mode="hold" />}
              />
              <SelectField
                id={ID('role')}
                label="Your role"
                hint="Choose the one that best describes you."
                value={values.role}
                onChange={(e) => on.role(e.target.value)}
                error={errors[ID('role')]}
              >
                <option value="">Choose a role</option>
                {FEEDBACK_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={ID('organisation')}
                label="Your organisation (optional)"
                value={values.organisation}
                onChange={(e) => on.organisation(e.target.value)}
                error={errors[ID('organisation')]}
                after={<PersonalDataWarning text={values.organisation} mode="hold" />}
                autoComplete="organization"
              />
              <TextField
                id={ID('email')}
                label="Email address (optional)"
                hint="Only to follow up on your feedback. It is never shown to anyone else."
                type="email"
                spellCheck={false}
                value={values.email}
                onChange={(e) => on.email(e.target.value)}
                error={errors[ID('email')]}
                autoComplete="email"
              />
              <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-4">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={ID('tellMe')}
                    type="checkbox"
                    checked={values.tellMe}
                    onChange={(e) => setValues((v) => ({ ...v, tellMe: e.target.checked }))}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={ID('tellMe')}>
                    Tell me what happens: email me once when the work that answers this is done
                  </label>
                </div>
              </div>
              {/* The honeypot: out of sight and out of the accessibility tree, so only a bot fills it. */}
              <div className="app-honeypot" aria-hidden="true">
                <label htmlFor={ID('hp_field')}>Leave this field empty</label>
                <input
                  id={ID('hp_field')}
                  name="hp_field"
                  type="text"
                  tabIndex={-1}
                  autoComplete="off"
                  value={values.hp_field}
                  onChange={(e) => on.hp_field(e.target.value)}
                />
              </div>
              <button type="submit" className="govuk-button" aria-disabled={sending || undefined}>
                {sending ? 'Sending feedback…' : 'Send feedback'}
              </button>
            </form>
          </div>
        )}
      </details>
    </section>
  );
}
