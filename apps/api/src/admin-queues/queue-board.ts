import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '@commons/domain';
import { QUEUES } from '@commons/realtime';
import { SESSION_COOKIE } from '../auth/auth-user';
import { AuthService } from '../auth/auth.service';
import { JobsService } from '../jobs/jobs.service';

/** Where admins find bull-board, outside /api: it is a page of its own, not part of the JSON API. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * bull-board's page asks Google for a web font; the CSP (app.ts) allows styles from this origin only,
 * and an admin's page should not tell Google who opened it, so the link is taken out (the board falls
 * back to the system font).
 */
const REMOTE_FONTS = /<link[^>]+href="https:\/\/fonts\.googleapis\.com[^"]*"[^>]*>\s*/g;

function refuse(reply: FastifyReply, status: 401 | 403, message: string) {
  const body: ErrorBody = { error: { code: status === 401 ? 'unauthorized' : 'forbidden', message } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/**
 * bull-board for admins at /admin/queues: every route of it (page, assets, its JSON API) needs a signed-in
 * admin. Signed out, the page sends the browser to sign in; anyone else gets 403. Its writes (retry,
 * clean, pause) go through the same JSON-only and SameSite defences as the API's.
 */
export async function mountQueueBoard(app: NestFastifyApplication) {
  const auth = app.get(AuthService);
  const jobs = app.get(JobsService);
  const board = new FastifyAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: QUEUES.map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Job queues', hideDocsLink: true, miscLinks: [{ text: 'Back to the Commons', url: '/' }] } },
  });

  const adminOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies?.[SESSION_COOKIE];
    const session = token ? await auth.validate(token) : null;
    if (!session) {
      const page = request.method === 'GET' && /text\/html/.test(request.headers.accept ?? '');
      return page ? reply.redirect('/sign-in', 302) : refuse(reply, 401, 'Sign in to do this');
    }
    if (!session.user.roles.includes('admin')) return refuse(reply, 403, 'This needs the admin role');
  };
  const withoutRemoteFonts = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
    typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').startsWith('text/html') ? payload.replace(REMOTE_FONTS, '') : payload;

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', adminOnly);
    scope.addHook('onSend', withoutRemoteFonts);
    await scope.register(board.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
