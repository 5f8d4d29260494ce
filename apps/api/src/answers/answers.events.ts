import { fanOut, type FeatureEvents } from '../realtime/event-rules';

/**
 * When the work that answers them is done, the members who asked are told in their inbox, and feedback
 * senders who asked to be told get an email (notifications' OutcomeEmailService runs that job).
 */
export const answersEvents: FeatureEvents = {
  jobs: {
    'answers.done': (event) => [fanOut(event), { queue: 'notifications', name: 'outcome-email', jobId: `outcome:event:${event.id}`, data: { eventId: event.id } }],
  },
  audience: {
    'answers.done': async ({ payload: p }, reads) => ({
      told: (await reads.askersOf(p.answerIds)).map((userId) => ({ userId, kind: 'outcome', title: `You said, we did: ${p.title}`, url: p.url })),
      // Whoever finished the work may have asked too: they are told like everyone else.
      actorId: null,
    }),
  },
};
