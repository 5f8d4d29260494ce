import { type AudienceReads, type EventOf, fanOut, type FeatureEvents, watchers } from '../realtime/event-rules';

type ToolNews = EventOf<'tool.release.published' | 'tool.stage.changed'>;

// Stage moves are recorded on the catalogue too: one fan-out, from the tool's own topic.
const fromToolTopic = (event: ToolNews) => (event.topic.startsWith('tool:') ? [fanOut(event)] : []);

/**
 * The tool's watchers hear of releases and stage moves; a release also tells the verified members of
 * every authority that uses or pilots the tool, watching or not (unless they muted it).
 */
async function toolWatchers({ payload: p }: ToolNews, reads: AudienceReads) {
  const name = (await reads.toolTitle(p.slug)) ?? p.slug;
  const levels = await reads.watchLevels({ toolSlug: p.slug });
  const title = 'version' in p ? `${name} ${p.version} released` : `${name} moved to ${p.to}`;
  const url = `/tools/${p.slug}`;
  const adopters = 'version' in p ? (await reads.adoptersOf(p.slug)).map((userId) => ({ userId, kind: 'tool', title, url })) : [];
  return { told: [...watchers(levels, 'tool', title, url), ...adopters], levels };
}

export const toolsEvents: FeatureEvents = {
  jobs: { 'tool.release.published': fromToolTopic, 'tool.stage.changed': fromToolTopic },
  audience: { 'tool.release.published': toolWatchers, 'tool.stage.changed': toolWatchers },
};
