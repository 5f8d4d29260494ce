import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { GuideInput, GuidePatch, type Guide, type Message, type Thread } from '@commons/domain';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { ErrorSummary, TextAreaField, TextField, useSchemaForm, type FieldErrors } from '../../components/forms';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { SignInPrompt } from '../../components/SignInPrompt';
import { NotFound } from '../../pages/NotFound';
import { usePageTitle } from '../../usePageTitle';
import { excerptFree } from './text';

const ORDER = ['title', 'slug', 'summary', 'body', 'links'];

/** "tool:903-validator, initiative:care-leavers" in the form; a list of links for the API. */
function parseLinks(text: string) {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      const [type, ...id] = item.split(':');
      return { type, id: id.join(':') };
    });
}

function Fields({ errors, guide, texts, initial, withLinks }: { errors: FieldErrors; guide?: Guide; texts: Record<string, string>; initial?: { title: string; body: string }; withLinks: boolean }) {
  const warn = (field: string) => <PersonalDataWarning text={texts[field]} />;
  return (
    <>
      <TextField id="title" label="Title" defaultValue={guide?.title ?? initial?.title} error={errors.title} after={warn('title')} />
      {!guide && <TextField id="slug" label="Short name for the address (optional)" hint="Lower-case letters, digits and hyphens. Made from the title if left empty." spellCheck={false} error={errors.slug} />}
      <TextAreaField id="summary" label="Summary" hint="One or two sentences: who it is for and what it answers." rows={2} defaultValue={guide?.summary} error={errors.summary} after={warn('summary')} />
      <TextAreaField id="body" label="Guide" hint="Markdown. Never name a child or family: write the advice, not the case." rows={16} defaultValue={guide?.body ?? initial?.body} error={errors.body} after={warn('body')} />
      {withLinks && (
        <TextField
          id="links"
          label="Linked tools and initiatives (optional)"
          hint="Their short names, like tool:903-validator initiative:care-leavers-standard, separated by spaces."
          spellCheck={false}
          defaultValue={guide?.links.map((l) => `${l.type}:${l.id}`).join(' ')}
          error={errors.links}
        />
      )}
    </>
  );
}

/** A new guide; with ?fromThread=<id>, one made from a well-answered question. */
export function GuideNew() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromThread = params.get('fromThread');
  const { data: thread } = useQuery({
    queryKey: ['threads', 'page', fromThread],
    queryFn: async () => {
      const [{ thread }, messages] = await Promise.all([
        api<{ thread: Thread }>('GET', `/api/threads/${fromThread}`),
        api<{ items: Message[] }>('GET', `/api/threads/${fromThread}/messages?after=0&limit=100`),
      ]);
      return { thread, messages };
    },
    enabled: !!fromThread,
  });
  const { texts, onInput } = useTypedText();
  const { errors, attempt, onSubmit } = useSchemaForm(
    GuideInput,
    (form) => ({
      title: form.get('title'),
      summary: form.get('summary'),
      body: form.get('body'),
      slug: String(form.get('slug') ?? '').trim() || undefined,
      links: fromThread ? [] : parseLinks(String(form.get('links') ?? '')),
    }),
    async ({ links, ...input }) => {
      const { guide } = fromThread
        ? await api<{ guide: Guide }>('POST', `/api/threads/${fromThread}/guide`, input)
        : await api<{ guide: Guide }>('POST', '/api/guides', { ...input, links });
      navigate(`/guides/${guide.slug}`);
    },
  );
  usePageTitle('Write a guide', Object.keys(errors).length > 0);
  if (user === undefined || (fromThread && !thread)) return null;
  if (!user) return <SignInPrompt what="write a guide" />;
  const initial = thread ? excerptFree(thread.thread, thread.messages.items) : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        <h1 className="govuk-heading-l">{thread ? 'Turn this question into a guide' : 'Write a guide'}</h1>
        {thread && (
          <p className="govuk-body">
            From <Link className="govuk-link" to={`/threads/${thread.thread.id}`}>{thread.thread.title}</Link>: its question and accepted answer are below to edit into advice. The guide links back to the discussion.
          </p>
        )}
        <form onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Write a guide">
          <Fields errors={errors} texts={texts} initial={initial} withLinks={!fromThread} />
          <button type="submit" className="govuk-button">
            Publish guide
          </button>
        </form>
      </div>
    </div>
  );
}

export function GuideEdit() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data, isError } = useQuery({ queryKey: ['guides', 'page', slug], queryFn: () => api<{ guide: Guide }>('GET', `/api/guides/${slug}`) });
  const { texts, onInput } = useTypedText();
  const { errors, attempt, onSubmit } = useSchemaForm(
    GuidePatch,
    (form) => ({ title: form.get('title'), summary: form.get('summary'), body: form.get('body'), links: parseLinks(String(form.get('links') ?? '')) }),
    async (patch) => {
      queryClient.setQueryData(['guides', 'page', slug], await api<{ guide: Guide }>('PATCH', `/api/guides/${slug}`, patch));
      await queryClient.invalidateQueries({ queryKey: ['guides', 'list'] });
      navigate(`/guides/${slug}`);
    },
  );
  usePageTitle('Edit guide', Object.keys(errors).length > 0);
  if (isError) return <NotFound />;
  if (!data) return <p className="govuk-body" role="status">Loading…</p>;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/guides/${slug}`}>
          Back to the guide
        </Link>
        <ErrorSummary errors={errors} order={ORDER} attempt={attempt} />
        <h1 className="govuk-heading-l">Edit guide</h1>
        <form onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Edit guide">
          <Fields errors={errors} guide={data.guide} texts={texts} withLinks />
          <button type="submit" className="govuk-button">
            Save a new revision
          </button>
        </form>
      </div>
    </div>
  );
}
