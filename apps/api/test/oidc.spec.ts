/**
 * Single sign-on against a real OpenID provider (oidc-provider) on loopback: the authorization code
 * flow with PKCE, state and nonce through the provider's own endpoints, followed by a cookie-jar client
 * as a browser would; accounts found, linked and created; tenants mapped to organisations; returnTo.
 */
import { randomUUID } from 'node:crypto';
import { Client, signedIn, signedInAdmin, startApp, type TestApp } from './harness';
import { startProvider, type ProviderAccount, type TestProvider } from './oidc-provider';

/** One browser: cookies by host (as browsers keep them, whatever the port), redirects followed by hand. */
class Browser {
  private cookies = new Map<string, { value: string; path: string }>();
  /** Every URL visited, in order. */
  visited: string[] = [];

  private cookieHeader(url: URL) {
    return [...this.cookies]
      .filter(([key, c]) => key.startsWith(`${url.hostname} `) && url.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.split(' ')[1]}=${c.value}`)
      .join('; ');
  }

  private store(url: URL, res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const gone = !value || attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && new Date(a.slice(8)) < new Date()));
      const key = `${url.hostname} ${name}`;
      if (gone) this.cookies.delete(key);
      else this.cookies.set(key, { value, path });
    }
  }

  cookie(host: string, name: string) {
    return this.cookies.get(`${host} ${name}`)?.value;
  }

  async request(method: string, href: string, form?: Record<string, string>) {
    const url = new URL(href);
    this.visited.push(url.href);
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(url), ...(form && { 'content-type': 'application/x-www-form-urlencoded' }) },
      body: form && new URLSearchParams(form).toString(),
    });
    this.store(url, res);
    return res;
  }

  /** Follows redirects from `href` until a page (not a redirect) or a page of `stopAt` outside /api. */
  async go(href: string, stopAt: string, method = 'GET'): Promise<{ status: number; url: string; location?: string; body: string }> {
    let res = await this.request(method, href);
    let url = href;
    for (let hops = 0; hops < 20 && res.status >= 300 && res.status < 400; hops++) {
      const next = new URL(res.headers.get('location')!, url).href;
      if (next.startsWith(stopAt) && !new URL(next).pathname.startsWith('/api/')) return { status: res.status, url, location: next, body: '' };
      url = next;
      res = await this.request('GET', url);
    }
    return { status: res.status, url, body: await res.text() };
  }
}

let provider: TestProvider;
let app: TestApp;

beforeAll(async () => {
  provider = await startProvider();
  app = await startApp({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_DISPLAY_NAME: 'Test ID' });
  provider.register(`${app.url}/api/auth/oidc/callback`);
});

afterAll(async () => {
  await app?.close();
  await provider?.close();
});

function person(overrides: Partial<ProviderAccount> = {}): ProviderAccount {
  const id = randomUUID();
  return { sub: id, email: `sso-${id}@council.example.gov.uk`, email_verified: true, name: 'Sam Single', ...overrides };
}

/**
 * The whole journey: the Commons' login route, the provider's authorization endpoint and sign-in page,
 * back through the callback. Returns where the browser lands and a client holding its sign-in cookie.
 */
async function signInThroughProvider(account: ProviderAccount, returnTo?: string, browser = new Browser()) {
  provider.signInAs(account);
  const start = `${app.url}/api/auth/oidc/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
  const page = await browser.go(start, app.url);
  expect(page.status).toBe(200);
  expect(page.url).toMatch(new RegExp(`^${provider.issuer}/interaction/`));
  expect(page.body).toContain('Test provider');
  const landed = await browser.go(`${page.url}/login`, app.url, 'POST');
  const client = new Client(app.url);
  const session = browser.cookie('127.0.0.1', 'commons_session');
  if (session) client.cookie = `commons_session=${session}`;
  return { landed: landed.location, client, browser };
}

const localAuthority = async () => (await app.db.query(`SELECT id FROM organisations WHERE kind = 'local_authority' ORDER BY id LIMIT 1 OFFSET 3`))[0].id as number;

test('GET /api/auth/oidc says single sign-on is offered, with the name for its button', async () => {
  expect(await new Client(app.url).get('/api/auth/oidc')).toMatchObject({ status: 200, body: { enabled: true, name: 'Test ID' } });
});

test('/login redirects to the provider with PKCE (S256), state and nonce, and binds the sign-in to the browser', async () => {
  const browser = new Browser();
  const res = await browser.request('GET', `${app.url}/api/auth/oidc/login`);
  expect(res.status).toBe(302);
  const to = new URL(res.headers.get('location')!);
  expect(to.origin).toBe(provider.issuer);
  expect(Object.fromEntries(to.searchParams)).toMatchObject({
    client_id: provider.clientId,
    redirect_uri: `${app.url}/api/auth/oidc/callback`,
    response_type: 'code',
    code_challenge_method: 'S256',
    scope: 'openid email profile',
  });
  for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)?.length).toBeGreaterThanOrEqual(43);
  expect(res.headers.get('set-cookie')).toMatch(/commons_oidc=[^;]+;.*Path=\/api\/auth\/oidc;.*HttpOnly/i);
});

test('the authorization code flow through the provider ends signed in, back on the page it started from', async () => {
  const account = person({ name: 'Alex Provider' });
  const { landed, client } = await signInThroughProvider(account, '/tools/some-tool?tab=design#releases');
  expect(landed).toBe(`${app.url}/tools/some-tool?tab=design#releases`);
  const me = await client.get('/api/auth/me');
  expect(me.status).toBe(200);
  expect(me.body.user).toMatchObject({ email: account.email, displayName: 'Alex Provider', emailVerified: true, organisationVerified: false });

  // The next sign-in finds the same account by (issuer, subject), even under a changed address.
  const again = await signInThroughProvider({ ...account, email: `changed-${account.email}` });
  expect(again.landed).toBe(`${app.url}/`);
  expect((await again.client.get('/api/auth/me')).body.user.id).toBe(me.body.user.id);
  const [identity] = await app.db.query(`SELECT issuer, subject, user_id FROM user_identities WHERE subject = $1`, [account.sub]);
  expect(identity).toEqual({ issuer: provider.issuer, subject: account.sub, user_id: me.body.user.id });
});

test('a sign-in without a browser binding, or a callback replayed, is refused and signs nobody in', async () => {
  provider.signInAs(person());
  const browser = new Browser();
  const page = await browser.go(`${app.url}/api/auth/oidc/login?returnTo=/discussions`, app.url);
  const posted = await browser.request('POST', `${page.url}/login`);
  // Follow the provider's redirects up to (not into) the Commons' callback.
  let res = posted;
  let url = `${page.url}/login`;
  while (!new URL(res.headers.get('location')!, url).pathname.startsWith('/api/auth/oidc/callback')) {
    url = new URL(res.headers.get('location')!, url).href;
    res = await browser.request('GET', url);
  }
  const callback = new URL(res.headers.get('location')!, url).href;

  // Another browser (an attacker's link in someone's inbox) presenting the code: no binding cookie.
  const stranger = await new Browser().request('GET', callback);
  expect(stranger.status).toBe(302);
  expect(stranger.headers.get('location')).toBe('/sign-in?sso=failed&returnTo=%2F');
  expect(stranger.headers.getSetCookie().some((c) => c.startsWith('commons_session=') && !c.startsWith('commons_session=;'))).toBe(false);

  // The state altered: the browser's own pending sign-in is used up and refused.
  const tampered = new URL(callback);
  tampered.searchParams.set('state', 'x'.repeat(43));
  const refused = await browser.request('GET', tampered.href);
  expect(refused.headers.get('location')).toBe('/sign-in?sso=failed&returnTo=%2Fdiscussions');
  expect(browser.cookie('127.0.0.1', 'commons_session')).toBeUndefined();

  // And the genuine callback, once its pending sign-in is spent, is refused too (single use).
  const replay = await browser.request('GET', callback);
  expect(replay.headers.get('location')).toBe('/sign-in?sso=failed&returnTo=%2F');
});

test('an existing account is linked only when the provider vouches for its address', async () => {
  const { client: owner, user } = await signedIn(app.url);
  const unverified = await signInThroughProvider(person({ email: user.email, email_verified: false }), '/initiatives');
  expect(unverified.landed).toBe(`${app.url}/sign-in?sso=email-in-use&returnTo=%2Finitiatives`);
  expect(unverified.client.cookie).toBe('');

  const verified = await signInThroughProvider(person({ email: user.email }), '/initiatives');
  expect(verified.landed).toBe(`${app.url}/initiatives`);
  const me = (await verified.client.get('/api/auth/me')).body.user;
  expect(me).toMatchObject({ id: user.id, emailVerified: true });
  // The address was never confirmed, so whoever registered it may not own it: its password and sign-ins end.
  expect((await owner.get('/api/auth/me')).status).toBe(401);
  expect((await new Client(app.url).post('/api/auth/login', { email: user.email, password: 'a sensible passphrase' })).status).toBe(401);
});

test('a provider that gives no address cannot make an account', async () => {
  const { landed, client } = await signInThroughProvider(person({ email: undefined }), '/tools');
  expect(landed).toBe(`${app.url}/sign-in?sso=no-email&returnTo=%2Ftools`);
  expect(client.cookie).toBe('');
});

test("a tenant mapped to an organisation makes its people verified members; unmapping ends it", async () => {
  const admin = await signedInAdmin(app.url);
  const tid = randomUUID();
  const organisationId = await localAuthority();

  // Signed in before the mapping: self-declared nothing, verified nothing.
  const early = await signInThroughProvider(person({ tid }));
  expect((await early.client.get('/api/auth/me')).body.user).toMatchObject({ organisationId: null, organisationVerified: false });

  expect((await new Client(app.url).post('/api/admin/sso/tenants', { tenant: tid, organisationId })).status).toBe(401);
  expect((await (await signedIn(app.url)).client.post('/api/admin/sso/tenants', { tenant: tid, organisationId })).status).toBe(403);
  expect((await admin.post('/api/admin/sso/tenants', { tenant: '', organisationId })).body.error.fields).toHaveProperty('tenant');
  const mapped = await admin.post('/api/admin/sso/tenants', { tenant: tid.toUpperCase(), organisationId });
  expect(mapped).toMatchObject({ status: 201, body: { tenant: tid, organisationId, accounts: 1 } });
  expect((await admin.post('/api/admin/sso/tenants', { tenant: tid, organisationId })).status).toBe(409);
  expect((await admin.get('/api/admin/sso/tenants')).body.items).toContainEqual(expect.objectContaining({ id: mapped.body.id, tenant: tid }));

  // Who signed in through the tenant before is a member at once; who signs in now, too.
  expect((await early.client.get('/api/auth/me')).body.user).toMatchObject({ organisationId, organisationVerified: true });
  const later = await signInThroughProvider(person({ tid }));
  const me = (await later.client.get('/api/auth/me')).body.user;
  expect(me).toMatchObject({ organisationId, organisationVerified: true });
  expect(await app.db.query(`SELECT organisation_id FROM verified_memberships WHERE user_id = $1`, [me.id])).toEqual([{ organisation_id: organisationId }]);
  // Another tenant's people are not.
  const other = await signInThroughProvider(person({ tid: randomUUID() }));
  expect((await other.client.get('/api/auth/me')).body.user).toMatchObject({ organisationVerified: false });

  const audit = await app.db.query(`SELECT action, target_id FROM audit_log WHERE target_type = 'sso_tenant' AND target_id = $1 ORDER BY id`, [tid]);
  expect(audit).toEqual([{ action: 'sso_tenant.mapped', target_id: tid }]);

  expect((await admin.delete(`/api/admin/sso/tenants/${mapped.body.id}`)).status).toBe(204);
  expect((await later.client.get('/api/auth/me')).body.user).toMatchObject({ organisationVerified: false });
  expect((await admin.delete(`/api/admin/sso/tenants/${mapped.body.id}`)).status).toBe(404);
});

test('returnTo must be a path on this site: anything else is refused, never redirected to', async () => {
  const client = new Client(app.url);
  for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'evil.example', '/\r\nSet-Cookie:x', 'javascript:alert(1)']) {
    const res = await client.get(`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect({ returnTo, status: res.status, location: res.headers.get('location')}).toEqual({ returnTo, status: 400, location: null });
    expect(res.body.error.fields).toHaveProperty('returnTo');
  }
  const fine = await new Browser().request('GET', `${app.url}/api/auth/oidc/login?returnTo=${encodeURIComponent('/tools?q=a%0d#x')}`);
  expect(fine.status).toBe(302);
});

test('without single sign-on configured, /login is 404 and the status says so', async () => {
  const plain = await startApp({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '' });
  try {
    const client = new Client(plain.url);
    expect(await client.get('/api/auth/oidc')).toMatchObject({ status: 200, body: { enabled: false, name: null } });
    expect((await client.get('/api/auth/oidc/login')).status).toBe(404);
    expect((await client.get('/api/auth/oidc/callback?code=x&state=y')).status).toBe(404);
  } finally {
    await plain.close();
  }
});

test('a provider that cannot be reached sends the person back to sign in with a password, not to an error page', async () => {
  const unreachable = await startApp({ OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'x' });
  try {
    const res = await new Browser().request('GET', `${unreachable.url}/api/auth/oidc/login?returnTo=/tools`);
    expect({ status: res.status, location: res.headers.get('location') }).toEqual({ status: 302, location: '/sign-in?sso=unavailable&returnTo=%2Ftools' });
  } finally {
    await unreachable.close();
  }
});

test('a disabled account is not signed in through the provider either', async () => {
  const account = person();
  const first = await signInThroughProvider(account);
  const userId = (await first.client.get('/api/auth/me')).body.user.id;
  await app.db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [userId]);
  const again = await signInThroughProvider(account, '/tools');
  expect(again.landed).toBe(`${app.url}/sign-in?sso=disabled&returnTo=%2Ftools`);
  expect(again.client.cookie).toBe('');
});

test('cancelling at the provider comes back to the sign-in page, saying so', async () => {
  const browser = new Browser();
  const start = await browser.request('GET', `${app.url}/api/auth/oidc/login?returnTo=/ideas`);
  const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
  const back = await browser.request('GET', `${app.url}/api/auth/oidc/callback?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`);
  expect(back.headers.get('location')).toBe('/sign-in?sso=cancelled&returnTo=%2Fideas');
});
