import { fanOut, type FeatureEvents, watchers } from '../realtime/event-rules';

/** Watchers hear of updates and of milestones being done; other milestone edits are no news. */
export const initiativesEvents: FeatureEvents = {
  jobs: {
    'initiative.update.posted': (event) => [fanOut(event)],
    'initiative.milestone.changed': (event) => (event.payload.completed ? [fanOut(event)] : []),
  },
  audience: {
    'initiative.update.posted': async ({ payload: p }, reads) => {
      const levels = await reads.watchLevels({ initiativeSlug: p.initiative.slug });
      return { told: watchers(levels, 'initiative', `New update on “${p.initiative.title}”`, `/initiatives/${p.initiative.slug}`), levels };
    },
    'initiative.milestone.changed': async ({ payload: p }, reads) => {
      if (!p.completed) return { told: [] };
      const levels = await reads.watchLevels({ initiativeSlug: p.initiative.slug });
      return { told: watchers(levels, 'initiative', `Milestone done on “${p.initiative.title}”: ${p.title}`, `/initiatives/${p.initiative.slug}`), levels };
    },
  },
};
