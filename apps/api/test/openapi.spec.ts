import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { z } from 'zod';
import { Health, InitiativeList, Me, ModerationQueue, NotificationList, OrganisationList, ThreadList, ToolList, ToolView, UserList } from '@commons/domain';
import { controllers } from '../src/app.module';
import { Client, signedInAdmin, startApp, TestApp } from './harness';

/**
 * The OpenAPI document the API serves: 3.1, every route the app routes (read from Nest's own routing
 * metadata, not from the document), each with a summary, its 2xx body and errors in the one error shape,
 * and a security scheme named as the routes name it, so Swagger UI's Authorize applies.
 */
type Doc = { openapi: string; paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any>; securitySchemes: Record<string, any> } };
let t: TestApp;
let doc: Doc;

beforeAll(async () => {
  t = await startApp();
  const res = await new Client(t.url).get('/api/docs/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => t?.close());

const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));

/** `GET /api/tools/{slug}` for every handler of every controller, as Nest routes them. */
function routedByNest(): string[] {
  const join = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
  return controllers.flatMap((controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    return Object.getOwnPropertyNames(controller.prototype)
      .map((name) => controller.prototype[name])
      .filter((handler) => typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler))
      // Feeds live outside /api (app.ts excludes them from the prefix): feed readers get the site's own addresses.
      .map((handler) => `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} ${join(base === 'feeds' ? '' : 'api', base, Reflect.getMetadata(PATH_METADATA, handler))}`.replace(/:(\w+)/g, '{$1}'));
  });
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    // 3.0's `nullable` is not 3.1: null is a type there.
    expect(JSON.stringify(doc)).not.toContain('"nullable"');
  });

  it('lists exactly the routes the app serves', async () => {
    const routed = routedByNest();
    expect(routed.length).toBeGreaterThanOrEqual(70);
    expect(operations().map((o) => o.route).sort()).toEqual([...routed].sort());
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const route of routed) {
      const [method, url] = route.split(' ');
      expect({ route, served: fastify.hasRoute({ method, url: url.replace(/\{(\w+)\}/g, ':$1') }) }).toEqual({ route, served: true });
    }
  });

  it('gives every operation a summary, a 2xx response with its body, and errors as ErrorBody', () => {
    const problems: string[] = [];
    for (const { route, op } of operations()) {
      if (!op.summary) problems.push(`${route}: no summary`);
      // A redirect (single sign-on) answers 302 where others answer 2xx.
      const ok = Object.keys(op.responses).filter((s) => s.startsWith('2') || s === '302');
      if (ok.length !== 1) problems.push(`${route}: ${ok.length} 2xx responses`);
      else if (ok[0] !== '204' && ok[0] !== '302' && !Object.values(op.responses[ok[0]].content ?? {}).some((c: any) => c.schema)) problems.push(`${route}: ${ok[0]} without a schema`);
      for (const [status, response] of Object.entries<any>(op.responses)) {
        if (!/^[45]/.test(status)) continue;
        const ref = response.content?.['application/json']?.schema?.$ref as string | undefined;
        const allowed = status === '409' && route.includes('/design/sections/') ? 'SectionConflict' : route === 'GET /api/health' || route === 'GET /api/health/ready' ? 'HealthDown' : 'ErrorBody';
        if (ref !== `#/components/schemas/${allowed}`) problems.push(`${route}: ${status} is ${ref}, not ${allowed}`);
      }
      if ((op.parameters?.length || op.requestBody) && !op.responses['400']) problems.push(`${route}: takes input but documents no 400`);
    }
    expect(problems).toEqual([]);
    expect(doc.components.schemas.ErrorBody.properties.error.properties).toHaveProperty('fields');
  });

  it("has a cookie scheme named as the routes name it, so Swagger UI's Authorize sends the session", async () => {
    expect(doc.components.securitySchemes).toEqual({ commons_session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: 'commons_session' }) });
    const used = new Set(operations().flatMap(({ op }) => (op.security ?? []).flatMap((s: object) => Object.keys(s))));
    expect([...used]).toEqual(['commons_session']);
    expect(operations().find((o) => o.route === 'GET /api/auth/me')!.op.security).toEqual([{ commons_session: [] }]);
    // Swagger UI's "Try it out" sends the cookie the login call set.
    expect((await fetch(`${t.url}/api/docs/swagger-ui-init.js`).then((r) => r.text())).replace(/\s/g, '')).toContain('"withCredentials":true');
  });

  it('has a zod schema on every body, query and path parameter, so the pipe validates each (it skips any without)', () => {
    const kinds = [RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM].map(String);
    const inputs = controllers.flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype).flatMap((name) =>
        Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { schema?: unknown }>)
          .filter(([key]) => kinds.includes(key.split(':')[0]))
          .map(([key, arg]) => ({ where: `${controller.name}.${name} ${RouteParamtypes[Number(key.split(':')[0])]}`, schema: arg.schema })),
      ),
    );
    expect(inputs.length).toBeGreaterThanOrEqual(60);
    expect(inputs.filter((i) => !i.schema).map((i) => i.where)).toEqual([]);
  });

  it('documents the request bodies from the zod schemas, by their domain names', () => {
    expect(doc.paths['/api/auth/register'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/RegisterInput' });
    expect(doc.components.schemas.RegisterInput.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
  });
});

describe('the documented response schemas match what the routes answer', () => {
  // Every row has all three: jest reads a shorter row's missing last argument as a done callback.
  const cases: [path: string, schema: z.ZodType, admin: boolean][] = [
    ['/api/health', Health, false],
    ['/api/organisations', OrganisationList, false],
    ['/api/tools', ToolList, false],
    ['/api/initiatives', InitiativeList, false],
    ['/api/threads', ThreadList, false],
    ['/api/auth/me', Me, true],
    ['/api/users', UserList, true],
    ['/api/moderation/queue', ModerationQueue, true],
    ['/api/notifications', NotificationList, true],
  ];

  it.each(cases)('%s', async (path, schema, admin) => {
    const client = admin ? await signedInAdmin(t.url) : new Client(t.url);
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect(schema.safeParse(res.body).error?.issues ?? []).toEqual([]);
  });

  it('/api/tools/{slug}', async () => {
    const slug = (await new Client(t.url).get('/api/tools?limit=1')).body.items[0].slug;
    const res = await new Client(t.url).get(`/api/tools/${slug}`);
    expect(ToolView.safeParse(res.body).error?.issues ?? []).toEqual([]);
  });
});
