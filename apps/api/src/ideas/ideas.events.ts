import { IDEA_STATUS_LABEL } from '@commons/domain';
import { fanOut, type FeatureEvents } from '../realtime/event-rules';

/** A status change is news for the idea's author and every member who backed it; backing changes are live only. */
export const ideasEvents: FeatureEvents = {
  jobs: {
    'idea.status.changed': (event) => [fanOut(event)],
  },
  audience: {
    'idea.status.changed': async ({ payload: p }, reads) => {
      const title = `“${p.title}” is now ${IDEA_STATUS_LABEL[p.to].toLowerCase()}`;
      return { told: (await reads.ideaFollowers(p.id)).map((userId) => ({ userId, kind: 'idea', title, url: `/ideas/${p.id}` })) };
    },
  },
};
