import { fanOut, type FeatureEvents } from '../realtime/event-rules';

/** A role change is news to the person whose roles changed. */
export const identityEvents: FeatureEvents = {
  jobs: { 'user.roles.changed': (event) => [fanOut(event)] },
  audience: {
    'user.roles.changed': async ({ payload: { userId, roles } }) => {
      const extra = roles.filter((r) => r !== 'member');
      return { told: [{ userId, kind: 'roles', title: extra.length ? `Your roles are now: ${extra.join(', ')}` : 'You no longer have moderator or admin roles', url: null }] };
    },
  },
};
