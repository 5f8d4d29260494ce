import { Client, newUser, signedIn, signedInAdmin, startApp, TestApp, verifiedMemberOf } from './harness';

/**
 * Verified membership: a confirmed address on one of an organisation's domains (or a subdomain of one).
 * Only verified members speak for their authority (adoption, initiative participation) and read
 * local-authority-only tools; a self-declared organisation counts for nothing.
 */
let t: TestApp;
let admin: Client;
let camden: number;
let hackney: number;
let n = 0;
const unique = () => `m${process.pid}x${Date.now().toString(36)}x${++n}`;

async function register(email: string, organisationId: number) {
  const client = new Client(t.url);
  const res = await client.post('/api/auth/register', newUser({ email, organisationId }));
  expect(res.status).toBe(201);
  return { client, id: res.body.user.id as string };
}
const confirmEmail = (id: string) => t.db.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [id]);
const me = async (c: Client) => (await c.get('/api/auth/me')).body.user;

beforeAll(async () => {
  t = await startApp();
  admin = await signedInAdmin(t.url);
  [{ id: camden }] = await t.db.query(`SELECT id FROM organisations WHERE la_code = '202'`);
  [{ id: hackney }] = await t.db.query(`SELECT id FROM organisations WHERE la_code = '204'`);
});
afterAll(() => t.close());

describe('who is a verified member', () => {
  it('the 153 authorities start with their usual domain, unconfirmed', async () => {
    const [{ n: count, confirmed }] = await t.db.query(
      `SELECT count(DISTINCT o.id)::int AS n, count(*) FILTER (WHERE d.confirmed AND d.domain NOT LIKE '%.test' AND d.domain NOT LIKE '%.example')::int AS confirmed
       FROM organisations o JOIN organisation_domains d ON d.organisation_id = o.id WHERE o.kind = 'local_authority' AND d.domain LIKE '%.gov.uk'`,
    );
    expect(count).toBe(153);
    expect(confirmed).toBe(0);
    expect((await t.db.query(`SELECT organisation_id FROM organisation_domains WHERE domain = 'camden.gov.uk'`))[0].organisation_id).toBe(camden);
  });

  it('a confirmed address on the domain (or a subdomain) makes one; unconfirmed, another domain or another organisation does not', async () => {
    const onDomain = await register(`${unique()}@camden.gov.uk`, camden);
    const onSub = await register(`${unique()}@social.camden.gov.uk`, camden);
    const wrongOrg = await register(`${unique()}@camden.gov.uk`, hackney);
    const lookalike = await register(`${unique()}@notcamden.gov.uk`, camden);
    expect(await me(onDomain.client)).toMatchObject({ emailVerified: false, organisationVerified: false });
    for (const u of [onDomain, onSub, wrongOrg, lookalike]) await confirmEmail(u.id);
    expect(await me(onDomain.client)).toMatchObject({ emailVerified: true, organisationVerified: true, organisationId: camden });
    expect((await me(onSub.client)).organisationVerified).toBe(true);
    expect((await me(wrongOrg.client)).organisationVerified).toBe(false);
    expect((await me(lookalike.client)).organisationVerified).toBe(false);
  });

  it('a disabled account is nobody’s member', async () => {
    const u = await register(`${unique()}@camden.gov.uk`, camden);
    await confirmEmail(u.id);
    expect((await admin.put(`/api/admin/users/${u.id}/disabled`, { disabled: true })).status).toBe(200);
    expect((await t.db.query(`SELECT 1 FROM verified_memberships WHERE user_id = $1`, [u.id])).length).toBe(0);
  });
});

describe('only verified members speak for their authority', () => {
  it('records adoption: a self-declared member is refused and told why; once verified, accepted', async () => {
    const slug = `membership-${unique()}`;
    expect((await admin.post('/api/tools', { slug, name: `Tool ${slug}`, summary: 'A tool for the membership test.' })).status).toBe(201);
    const m = await signedIn(t.url, { organisationId: camden });
    const refused = await m.client.put(`/api/tools/${slug}/adoptions/${camden}`, { status: 'uses' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not verified/);
    await verifiedMemberOf(t, m.client, camden);
    expect((await m.client.put(`/api/tools/${slug}/adoptions/${camden}`, { status: 'uses' })).status).toBe(200);
    // Verified for Camden is not a word for Hackney.
    expect((await m.client.put(`/api/tools/${slug}/adoptions/${hackney}`, { status: 'uses' })).status).toBe(403);
  });

  it('a removed domain takes the membership with it', async () => {
    const slug = `membership-${unique()}`;
    await admin.post('/api/tools', { slug, name: `Tool ${slug}`, summary: 'A tool for the membership test.' });
    const domain = `${unique()}.example`;
    expect((await admin.post(`/api/organisations/${hackney}/domains`, { domain })).status).toBe(201);
    const u = await register(`${unique()}@${domain}`, hackney);
    await confirmEmail(u.id);
    expect((await u.client.put(`/api/tools/${slug}/adoptions/${hackney}`, { status: 'pilots' })).status).toBe(200);
    expect((await admin.delete(`/api/organisations/${hackney}/domains/${domain}`)).status).toBe(204);
    expect((await me(u.client)).organisationVerified).toBe(false);
    expect((await u.client.put(`/api/tools/${slug}/adoptions/${hackney}`, { status: 'uses' })).status).toBe(403);
  });

  it('backs an initiative: only a verified membership is recorded as the authority taking part', async () => {
    const leader = await signedIn(t.url);
    const slug = `membership-${unique()}`;
    expect((await leader.client.post('/api/initiatives', { slug, title: 'Membership initiative', summary: 'An initiative for the membership test.', focusArea: 'facilitating' })).status).toBe(201);
    const declared = await signedIn(t.url, { organisationId: hackney });
    const verified = await signedIn(t.url, { organisationId: camden });
    await verifiedMemberOf(t, verified.client, camden);
    for (const c of [declared.client, verified.client]) expect((await c.put(`/api/initiatives/${slug}/participation`, {})).status).toBeLessThan(300);
    const initiative = (await new Client(t.url).get(`/api/initiatives/${slug}`)).body.initiative;
    expect(initiative.organisations.map((o: { id: number }) => o.id)).toEqual([camden]);
  });
});
