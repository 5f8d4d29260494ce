import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { IDEA_STATUS_LABEL, IdeaPatch, IdeaStatus, type IdeaView } from '@commons/domain';
import { topics } from '@commons/realtime';
import { api, ApiError } from '../../api';
import { ErrorSummary, SelectField, TextAreaField, TextField, useSchemaForm } from '../../components/forms';
import { MessageBodyView } from '../discussions/message/MessageBody';
import { NotFound } from '../../pages/NotFound';
import { useTopic } from '../../realtime';
import { usePageTitle } from '../../usePageTitle';
import { backedBy, StatusTag } from './IdeaCommon';

type Loaded = IdeaView & { seq: number };
const LINK_URL = { tool: (id: string) => `/tools/${id}`, initiative: (id: string) => `/initiatives/${id}`, thread: (id: string) => `/threads/${id}` };
const LINK_LABEL = { tool: 'Tool', initiative: 'Initiative', thread: 'Discussion' };

export function IdeaPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const key = ['ideas', 'page', id];
  const { data, error } = useQuery({ queryKey: key, queryFn: () => api<Loaded>('GET', `/api/ideas/${encodeURIComponent(id)}`) });
  // Backing and status change live for everyone on the page.
  useTopic(data ? topics.idea(data.idea.id) : null, () => void queryClient.invalidateQueries({ queryKey: key }), data?.seq);
  const [backingError, setBackingError] = useState<string | null>(null);
  usePageTitle(data?.idea.title ?? 'Idea');

  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFound />;
  if (!data) return <p className="govuk-body" role="status">Loading…</p>;
  const { idea, you } = data;

  async function setBacking(back: boolean) {
    setBackingError(null);
    try {
      queryClient.setQueryData(key, { ...(await api<Loaded>(back ? 'PUT' : 'DELETE', `/api/ideas/${idea.id}/backing`)), seq: data!.seq });
    } catch (err) {
      setBackingError(err instanceof Error ? err.message : 'Something went wrong. Try again.');
    }
  }

  const regions = [...new Set(idea.backers.map((b) => b.region ?? 'No region'))];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/ideas">
          All needs and ideas
        </Link>
        <span className="govuk-caption-l">{idea.kind === 'need' ? 'Need' : 'Idea'}</span>
        <h1 className="govuk-heading-l">{idea.title}</h1>
        <p className="govuk-body">
          <StatusTag status={idea.status} /> Raised by {idea.author?.displayName ?? 'a former member'} on{' '}
          {new Date(idea.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}
        </p>
        {idea.status === 'declined' && idea.declineReason && (
          <div className="govuk-inset-text">
            <strong>Declined:</strong> {idea.declineReason}
          </div>
        )}
        {idea.link && (
          <p className="govuk-body">
            Taken forward in: <Link className="govuk-link" to={LINK_URL[idea.link.type](idea.link.id)}>{LINK_LABEL[idea.link.type]} {idea.link.id}</Link>
          </p>
        )}
        <MessageBodyView body={idea.body} className="app-idea__body" />
        <h2 className="govuk-heading-m">{backedBy(idea.backing)}</h2>
        {you.canBack ? (
          <button type="button" className={you.backs ? 'govuk-button govuk-button--secondary' : 'govuk-button'} onClick={() => void setBacking(!you.backs)}>
            {you.backs ? 'Withdraw your authority’s backing' : 'Back this for your authority'}
          </button>
        ) : (
          you.why && <p className="govuk-body govuk-hint">{you.why}</p>
        )}
        {backingError && (
          <p className="govuk-error-message" role="alert">
            {backingError}
          </p>
        )}
        {regions.map((region) => (
          <div key={region}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{region}</h3>
            <ul className="govuk-list">
              {idea.backers
                .filter((b) => (b.region ?? 'No region') === region)
                .map((b) => (
                  <li key={b.organisationId}>
                    <Link className="govuk-link" to={`/authorities/${b.organisationId}`}>
                      {b.name}
                    </Link>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        {you.canSetStatus && <StatusForm view={data} onSaved={(next) => queryClient.setQueryData(key, next)} />}
      </div>
    </div>
  );
}

/** Moderators and admins: move the idea on, and say what takes it forward. */
function StatusForm({ view, onSaved }: { view: Loaded; onSaved(next: Loaded): void }) {
  const { idea } = view;
  const [status, setStatus] = useState(idea.status);
  const { errors, attempt, onSubmit } = useSchemaForm(
    IdeaPatch,
    (form) => {
      const linkType = String(form.get('linkType') ?? '');
      const linkId = String(form.get('linkId') ?? '').trim();
      return {
        status: form.get('status'),
        reason: String(form.get('reason') ?? '').trim() || undefined,
        link: linkType && linkId ? { type: linkType, id: linkId } : linkType || linkId ? { type: linkType || undefined, id: linkId } : null,
      };
    },
    async (patch) => onSaved(await api<Loaded>('PATCH', `/api/ideas/${idea.id}`, patch)),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change status" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m">Change status</h2>
      <ErrorSummary errors={errors} order={['status', 'reason', 'link']} attempt={attempt} />
      <SelectField id="status" name="status" label="Status" value={status} onChange={(e) => setStatus(e.target.value as IdeaStatus)} error={errors.status}>
        {IdeaStatus.options.map((s) => (
          <option key={s} value={s}>
            {IDEA_STATUS_LABEL[s]}
          </option>
        ))}
      </SelectField>
      {status === 'declined' && <TextAreaField id="reason" name="reason" label="Why it is declined" rows={3} defaultValue={idea.declineReason ?? ''} error={errors.reason} />}
      <SelectField id="linkType" name="linkType" label="Taken forward in (optional)" defaultValue={idea.link?.type ?? ''} error={errors.link}>
        <option value="">Nothing yet</option>
        <option value="tool">A tool (its short name)</option>
        <option value="initiative">An initiative (its short name)</option>
        <option value="thread">A discussion (its number)</option>
      </SelectField>
      <TextField id="linkId" name="linkId" label="Which one" className="govuk-input--width-20" defaultValue={idea.link?.id ?? ''} />
      <button type="submit" className="govuk-button">
        Save
      </button>
    </form>
  );
}
