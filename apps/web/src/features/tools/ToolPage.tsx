import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { compareSemver, type AdoptionSummary, type DesignDocument, type DesignSection, type Release, type RestrictedTool, type Tool, type ToolView } from '@commons/domain';
import { topics, type EventEnvelope } from '@commons/realtime';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { keys } from '../../queryClient';
import { ChangeHistory, Facts } from '../../components/Facts';
import { usePresence, useTopic, useTyping } from '../../realtime';
import { ThreadList } from '../discussions/ThreadList';
import { WatchControl } from '../notifications/WatchControl';
import { usePageTitle } from '../../usePageTitle';
import { NotFound } from '../../pages/NotFound';
import { LocalAuthorityOnlyTag } from '../../components/OrganisationBadge';
import { linkUrl, Markdown, StageTag, stageLabel } from './ToolCommon';
import { ToolDesign } from './ToolDesign';
import { MaintainersForm, NewSectionForm, ToolEdit } from './ToolEdit';
import { Adoption, Releases } from './ToolPanels';
import { useAuthorities } from './Tools';
import { ToolAdoptionPicture } from '../community/pictures.lazy';
import { YouSaidWeDid } from '../answers/Answers';
import { GuidesFor } from '../guides/Guides';

interface Loaded {
  tool: Tool;
  releases: Release[];
  adoption: AdoptionSummary;
  design: DesignDocument;
  /** The topic's seq when the page was read: live events follow from it. */
  seq: number;
}

/** A local-authority-only tool the reader may not read: its name, summary and how to get access. */
interface Restricted {
  restricted: RestrictedTool;
}

async function load(slug: string): Promise<Loaded | Restricted> {
  // The tool (with the seq) first, the rest after it: every part is then at least as new as the seq.
  const view = await api<ToolView>('GET', `/api/tools/${slug}`);
  if ('restricted' in view) return { restricted: view.tool };
  const { tool, seq } = view;
  const [{ items: releases }, adoption, design] = await Promise.all([
    api<{ items: Release[] }>('GET', `/api/tools/${slug}/releases`),
    api<AdoptionSummary>('GET', `/api/tools/${slug}/adoptions`),
    api<DesignDocument>('GET', `/api/tools/${slug}/design`),
  ]);
  return { tool, releases, adoption, design, seq };
}

const names = (people: { displayName: string }[]) => people.map((p) => p.displayName).join(', ');

export function ToolPage() {
  const { slug = '' } = useParams();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const key = keys.tool(slug);
  const { data: loaded, error } = useQuery({ queryKey: key, queryFn: () => load(slug) });
  const data = loaded && !('restricted' in loaded) ? loaded : undefined;
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  const authorities = useAuthorities();
  const topic = topics.tool(slug);
  usePageTitle(data?.tool.name ?? (loaded && 'restricted' in loaded ? loaded.restricted.name : 'Tool'));
  const setData = useCallback(
    (update: (d: Loaded) => Loaded) => queryClient.setQueryData<Loaded | Restricted>(key, (d) => (d && !('restricted' in d) ? update(d) : d)),
    [queryClient, slug],
  );

  const saved = useCallback(
    (section: DesignSection) =>
      setData((d) => {
        const known = d.design.sections.find((s) => s.key === section.key);
        // Events and answers can arrive in either order: never go back to an older revision.
        if (known && known.revision > section.revision) return d;
        const sections = known ? d.design.sections.map((s) => (s.key === section.key ? section : s)) : [...d.design.sections, section];
        return { ...d, design: { ...d.design, sections } };
      }),
    [setData],
  );

  useTopic(
    data ? topic : null,
    (event: EventEnvelope) => {
      switch (event.type) {
        case 'tool.updated': {
          const tool = event.payload as Tool;
          // Access changed: what this reader may see changed too, so the page is read again.
          if (tool.access !== data?.tool.access) return void queryClient.invalidateQueries({ queryKey: key });
          return setData((d) => ({ ...d, tool }));
        }
        case 'tool.maintainers.changed': {
          const { maintainers } = event.payload as { maintainers: Tool['maintainers'] };
          return setData((d) => ({ ...d, tool: { ...d.tool, maintainers } }));
        }
        case 'tool.release.published': {
          const release = event.payload as Release;
          return setData((d) => {
            if (d.releases.some((r) => r.id === release.id)) return d;
            const releases = [...d.releases, release].sort((a, b) => compareSemver(b.version, a.version));
            return { ...d, releases, tool: { ...d.tool, latestRelease: releases[0] } };
          });
        }
        case 'tool.adoption.changed':
          return void api<AdoptionSummary>('GET', `/api/tools/${slug}/adoptions`)
            .then((adoption) => setData((d) => ({ ...d, adoption, tool: { ...d.tool, usedBy: adoption.usedBy } })))
            .catch(() => undefined);
        case 'tool.design.section.updated':
          return saved(event.payload as DesignSection);
      }
    },
    data?.seq,
  );
  const viewers = usePresence(topic);
  const editing = useTyping(topic);

  if (missing) return <NotFound />;
  if (error) return <p className="govuk-body">The tool could not be loaded. {error.message}</p>;
  if (loaded && 'restricted' in loaded) return <RestrictedToolPage tool={loaded.restricted} signedIn={!!user} />;
  if (!data) return <p className="govuk-body" role="status">Loading…</p>;

  const { tool } = data;
  const maintains = !!user && (user.roles.includes('admin') || tool.maintainers.some((m) => m.id === user.id));

  return (
    <>
      <Link className="govuk-back-link" to="/tools">
        All tools
      </Link>
      <h1 className="govuk-heading-xl govuk-!-margin-bottom-2">{tool.name}</h1>
      <p className="govuk-body">
        <StageTag stage={tool.stage} /> {tool.access === 'local_authority' && <LocalAuthorityOnlyTag />}
        {tool.latestRelease && <span className="govuk-body-s"> Latest release {tool.latestRelease.version}</span>}
      </p>
      <p className="govuk-body-l">{tool.summary}</p>
      <WatchControl subjectType="tool" subjectId={slug} />
      <div className="app-presence govuk-inset-text" aria-live="polite">
        <p className="govuk-body-s govuk-!-margin-bottom-0" data-testid="viewers">
          Here now: {viewers.length ? names(viewers) : 'just you'}
        </p>
        {editing.length > 0 && (
          <p className="govuk-body-s govuk-!-margin-bottom-0" data-testid="editing">
            {editing
              .map((u) => `${u.displayName} is editing${u.section ? ` “${data.design.sections.find((s) => s.key === u.section)?.title ?? u.section}”` : ''}`)
              .join('; ')}
          </p>
        )}
      </div>

      <h2 className="govuk-heading-l">Overview</h2>
      {tool.description ? <Markdown text={tool.description} /> : <p className="govuk-body">No description yet.</p>}
      <Facts
        rows={[
          ['Datasets', tool.datasets.join(', ')],
          ['Technology', tool.technology.join(', ')],
          ['Licence', tool.licence],
          ['Source code', tool.repository && <a className="govuk-link" href={linkUrl(tool.repository)}>{tool.repository}</a>],
          ['Documentation', tool.documentation && <a className="govuk-link" href={linkUrl(tool.documentation)}>{tool.documentation}</a>],
          ['Came from', tool.originOrganisation?.name],
          ['Maintainers', names(tool.maintainers) || 'None yet'],
        ]}
      />
      <ChangeHistory title="Stage history" history={tool.stageHistory} label={stageLabel} />
      {maintains && <ToolEdit tool={tool} />}
      {user?.roles.includes('admin') && <MaintainersForm tool={tool} />}

      <h2 className="govuk-heading-l">Design document</h2>
      <p className="govuk-body">
        {user ? 'Members write it together on its own page, live: every keystroke merges, and you see who is typing where.' : 'Readers watch it change live; sign in to help write it.'}
      </p>
      <ToolDesign slug={slug} topic={topic} sections={data.design.sections} onSaved={saved} />
      {maintains && <NewSectionForm slug={slug} />}

      <h2 className="govuk-heading-l">Releases</h2>
      <Releases slug={slug} releases={data.releases} canPublish={maintains} />

      <h2 className="govuk-heading-l">Adoption</h2>
      <Adoption slug={slug} adoption={data.adoption} authorityIds={authorities.ids} />
      <ToolAdoptionPicture adoption={data.adoption} toolName={tool.name} />
      <YouSaidWeDid tool={slug} />
      <GuidesFor tool={slug} />

      <ThreadList subjectType="tool" subjectId={slug} canStart allowAnnouncement={maintains} />
    </>
  );
}

/** What a reader without access sees of a local-authority-only tool. */
function RestrictedToolPage({ tool, signedIn }: { tool: RestrictedTool; signedIn: boolean }) {
  return (
    <>
      <Link className="govuk-back-link" to="/tools">
        All tools
      </Link>
      <h1 className="govuk-heading-xl govuk-!-margin-bottom-2">{tool.name}</h1>
      <p className="govuk-body">
        <LocalAuthorityOnlyTag />
      </p>
      <p className="govuk-body-l">{tool.summary}</p>
      <div className="govuk-inset-text" data-testid="how-to-get-access">
        <p className="govuk-body">{tool.howToGetAccess}</p>
        {!signedIn && (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/sign-in?${new URLSearchParams({ returnTo: `/tools/${tool.slug}` })}`}>
              Sign in
            </Link>{' '}
            or{' '}
            <Link className="govuk-link" to="/register">
              create an account
            </Link>
            .
          </p>
        )}
        {signedIn && (
          <p className="govuk-body">
            <Link className="govuk-link" to="/account">
              Check your email address and organisation
            </Link>
          </p>
        )}
      </div>
    </>
  );
}
