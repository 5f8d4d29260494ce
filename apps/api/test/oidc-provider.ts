import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

/** Someone the test provider can sign in: the claims it asserts about them. */
export interface ProviderAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Entra ID's tenant id claim. */
  tid?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the Commons as a client, with its callback (the app's address is known only once it runs). */
  register(redirectUri: string): void;
  /** Who the next sign-in at the provider's own page is. */
  signInAs(account: ProviderAccount): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (the `oidc-provider` package, as certified by the OpenID Foundation) on loopback.
 * Its sign-in page is the one thing hand-written: a form with a Continue button that signs in as the
 * account the test chose, so a cookie-jar client and Chromium alike go through the provider's real
 * authorization, interaction and token endpoints.
 */
export async function startProvider(host: 'localhost' | '127.0.0.1' = '127.0.0.1'): Promise<TestProvider> {
  let provider: Provider | null = null;
  let current: ProviderAccount | null = null;
  const accounts = new Map<string, ProviderAccount>();
  const server: Server = createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end('not registered yet');
    if (req.url?.startsWith('/interaction/')) return void interaction(provider, req, res).catch((e) => res.writeHead(500).end(String(e)));
    provider.callback()(req, res);
  });
  // Both address families: `localhost` may be ::1 for one client and 127.0.0.1 for another.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const clientId = 'commons-test';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';

  async function interaction(p: Provider, req: IncomingMessage, res: ServerResponse) {
    const details = await p.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Test provider</title><h1>Test provider</h1>
        <p>Signing in as ${current?.email ?? current?.sub ?? 'nobody'}</p>
        <form method="post" action="/interaction/${details.uid}/login"><button type="submit">Continue</button></form>`);
      return;
    }
    if (!current) throw new Error('signInAs() first');
    accounts.set(current.sub, current);
    await p.interactionFinished(req, res, { login: { accountId: current.sub } }, { mergeWithLastSubmission: false });
  }

  return {
    issuer,
    clientId,
    clientSecret,
    register(redirectUri) {
      provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], response_types: ['code'], grant_types: ['authorization_code'], token_endpoint_auth_method: 'client_secret_post' }],
        async findAccount(_ctx, id) {
          const account = accounts.get(id);
          return account && { accountId: id, claims: () => ({ ...account }) };
        },
        claims: { openid: ['sub', 'tid'], email: ['email', 'email_verified'], profile: ['name'] },
        // As Entra ID does: the claims in the ID token itself.
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
        cookies: { keys: ['a-test-cookie-signing-key'] },
        jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' } as any] },
        ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 600, Session: 600 },
        // A first-party client: no consent screen, as an organisation's admin grants consent for its users.
        async loadExistingGrant(ctx) {
          const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
      });
    },
    signInAs(account) {
      current = account;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
