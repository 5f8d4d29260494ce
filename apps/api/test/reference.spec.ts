import { Client, startApp, TestApp, isolated } from './harness';

let t: TestApp;
beforeAll(async () => {
  // Its own database: other files add tools, and this one counts the seeded ones exactly.
  t = await startApp(await isolated('reference'));
});
afterAll(() => t.close());

describe('organisations', () => {
  it('lists the 153 local authorities with DfE and ONS codes and region, plus other kinds', async () => {
    const res = await new Client(t.url).get('/api/organisations');
    expect(res.status).toBe(200);
    const las = res.body.items.filter((o: { kind: string }) => o.kind === 'local_authority');
    expect(las).toHaveLength(153);
    expect(las).toContainEqual(expect.objectContaining({ name: 'Camden', laCode: '202', onsCode: 'E09000007', region: 'London' }));
    expect(las).toContainEqual(expect.objectContaining({ name: 'Bristol, City of', laCode: '801', region: 'South West' }));
    const kinds = new Set(res.body.items.map((o: { kind: string }) => o.kind));
    expect(kinds).toEqual(new Set(['local_authority', 'central_government', 'charity', 'supplier', 'other']));
  });

  it('filters by kind and region', async () => {
    const res = await new Client(t.url).get('/api/organisations?kind=local_authority&region=North%20East');
    expect(res.body.items).toHaveLength(12);
  });
});

describe('tools catalogue (seeded reference data)', () => {
  it('has the shared tools from the seed file', async () => {
    const res = await new Client(t.url).get('/api/tools?limit=100');
    expect(res.body.total).toBe(28);
    const tool = await new Client(t.url).get('/api/tools/903-validator');
    expect(tool.body.tool).toMatchObject({ name: 'SSDA903 validator', stage: 'maintained', datasets: ['SSDA903'] });
    expect((await new Client(t.url).get('/api/tools/no-such-tool')).status).toBe(404);
  });

  it('searches full text and filters by stage and dataset', async () => {
    const q = await new Client(t.url).get('/api/tools?q=children%20looked%20after');
    expect(q.body.items.map((x: { slug: string }) => x.slug)).toContain('903-validator');
    const stage = await new Client(t.url).get('/api/tools?stage=retired');
    expect(stage.body.items.every((x: { stage: string }) => x.stage === 'retired')).toBe(true);
    const dataset = await new Client(t.url).get('/api/tools?dataset=SEN2');
    expect(dataset.body.items.length).toBeGreaterThan(0);
    expect(dataset.body.items.every((x: { datasets: string[] }) => x.datasets.includes('SEN2'))).toBe(true);
  });
});

describe('health', () => {
  it('is 200 when Postgres and Redis answer', async () => {
    const res = await new Client(t.url).get('/api/health');
    expect(res).toMatchObject({ status: 200, body: { postgres: 'up', redis: 'up' } });
  });

  it('is 503 naming Redis when Redis does not answer', async () => {
    const broken = await startApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await new Client(broken.url).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ postgres: 'up', redis: 'down', error: { code: 'unavailable', message: 'redis is down' } });
    } finally {
      await broken.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents the routes from the zod schemas', async () => {
    const res = await new Client(t.url).get('/api/docs/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/users/{id}/roles', '/api/organisations', '/api/health']));
    const register = res.body.components.schemas.RegisterInput;
    expect(register.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    expect((await fetch(`${t.url}/api/docs`)).status).toBe(200);
  });
});
