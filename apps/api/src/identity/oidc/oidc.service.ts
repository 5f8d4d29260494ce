import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import * as client from 'openid-client';
import { randomBytes } from 'node:crypto';
import { DisplayName, Email, type SsoFailure, type SsoStatus, type SsoTenantInput } from '@commons/domain';
import { hashToken } from '../../auth/auth.service';
import { RateLimiter } from '../../common/rate-limiter';
import { ENV, Env } from '../../config/env';
import { type Client, LoginService } from '../login.service';
import { SignInLimits } from '../sign-in-limits';
import { OidcRepository, type ProviderIdentity } from './oidc.repository';

/** How long the provider has to send the browser back. */
const PENDING_SECONDS = 600;
/** Sign-ins one client address may start in that time: generous, since a council office shares one address. */
const STARTS_PER_ADDRESS = 300;
export const CALLBACK_PATH = '/api/auth/oidc/callback';

/** Where the browser goes next; `signedIn` when a new sign-in cookie is to be set. */
export interface SsoOutcome {
  location: string;
  signedIn?: { token: string; expiresAt: Date };
}

class SsoRefused extends Error {
  constructor(readonly reason: SsoFailure) {
    super(reason);
  }
}

/**
 * Single sign-on with any OpenID Connect provider (Microsoft Entra ID the main one): authorization code
 * flow with PKCE, state and nonce, all checked by openid-client. The account is found by the provider's
 * (issuer, subject); an existing password account is linked only when the provider vouches for its email
 * address. A mapped tenant makes the person a verified member of its organisation.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private discovered: Promise<client.Configuration> | null = null;

  constructor(
    @Inject(ENV) private readonly env: Env,
    private readonly repo: OidcRepository,
    private readonly login: LoginService,
    private readonly limiter: RateLimiter,
    private readonly limits: SignInLimits,
  ) {}

  status(): SsoStatus {
    return { enabled: !!this.env.OIDC_ISSUER, name: this.env.OIDC_ISSUER ? this.env.OIDC_DISPLAY_NAME : null };
  }

  /** The provider's metadata, fetched once; a failed fetch is tried again at the next sign-in. */
  private configuration(): Promise<client.Configuration> {
    const issuer = this.env.OIDC_ISSUER;
    if (!issuer || !this.env.OIDC_CLIENT_ID) throw new NotFoundException('Single sign-on is not configured');
    this.discovered ??= client
      .discovery(
        new URL(issuer),
        this.env.OIDC_CLIENT_ID,
        { redirect_uris: [this.redirectUri()], response_types: ['code'] },
        this.env.OIDC_CLIENT_SECRET ? client.ClientSecretPost(this.env.OIDC_CLIENT_SECRET) : client.None(),
        // env.ts allows http only for a provider on loopback (development and the tests).
        issuer.startsWith('http:') ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error) => {
        this.discovered = null;
        throw error;
      });
    return this.discovered;
  }

  /** The configuration, or null (logged) when the provider cannot be reached: the person is told, not shown a 500. */
  private async reachable(): Promise<client.Configuration | null> {
    const discovery = this.configuration();
    try {
      return await discovery;
    } catch (error) {
      this.logger.warn(`single sign-on provider unreachable: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  private redirectUri() {
    return `${this.env.PUBLIC_ORIGIN}${CALLBACK_PATH}`;
  }

  /** Starts a sign-in: the provider's URL, and the value the browser must bring back in its cookie. */
  async start(returnTo: string | undefined, ip: string): Promise<{ url: string; binding?: string }> {
    const config = await this.reachable();
    await this.limiter.take(await this.limits.key('oidc:address', ip), STARTS_PER_ADDRESS, PENDING_SECONDS);
    if (!config) return { url: refused('unavailable', returnTo ?? '/').location };
    const codeVerifier = client.randomPKCECodeVerifier();
    const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier, returnTo: returnTo ?? '/' };
    const binding = randomBytes(32).toString('base64url');
    await this.repo.holdPending(hashToken(binding), pending, PENDING_SECONDS);
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      scope: this.env.OIDC_SCOPES,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, binding };
  }

  /**
   * The provider sent the browser back to `path` (the callback with its query). Signs in and returns
   * to where the person started, or back to the sign-in page saying why not.
   */
  async finish(binding: string | undefined, path: string, from: Client): Promise<SsoOutcome> {
    const config = await this.reachable();
    // Taken once: a callback replayed, or arriving in a browser that did not start the sign-in, finds nothing.
    const pending = binding ? await this.repo.takePending(hashToken(binding)) : null;
    if (!pending) return refused('failed', '/');
    if (!config) return refused('unavailable', pending.returnTo);
    try {
      const current = new URL(path, this.env.PUBLIC_ORIGIN);
      if (current.searchParams.get('error') === 'access_denied') throw new SsoRefused('cancelled');
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims: Record<string, unknown> = { ...tokens.claims()! };
      // Some providers put the address only in the UserInfo answer, not in the ID token.
      if (typeof claims.email !== 'string' && config.serverMetadata().userinfo_endpoint) {
        Object.assign(claims, await client.fetchUserInfo(config, tokens.access_token, claims.sub as string), { iss: claims.iss, sub: claims.sub });
      }
      const userId = await this.account(identityFrom(claims));
      return { location: pending.returnTo, signedIn: await this.login.startSession(userId, from) };
    } catch (error) {
      if (error instanceof SsoRefused) return refused(error.reason, pending.returnTo);
      this.logger.warn(`single sign-on failed: ${error instanceof Error ? error.message : String(error)}`);
      return refused('failed', pending.returnTo);
    }
  }

  /** The account for this identity: linked already, linked now, or new. Its tenant's membership is applied. */
  private account(identity: ProviderIdentity): Promise<string> {
    return this.repo.transaction(async (m) => {
      let account = await this.repo.touchIdentity(identity, m);
      if (!account) {
        const existing = await this.repo.accountByEmail(identity.email, m);
        if (existing) {
          // Linking on an address the provider does not vouch for would hand the account to whoever controls that provider account.
          if (!identity.emailVerified) throw new SsoRefused('email-in-use');
          // Someone may have registered the address before its owner did: their password and sign-ins go.
          if (!existing.emailVerified) await this.repo.takeOver(existing.userId, m);
          await this.repo.confirmEmail(existing.userId, m);
          account = existing;
        } else {
          const id = await this.repo.createAccount(identity, m);
          if (!id) throw new SsoRefused('failed');
          account = { userId: id, disabled: false };
        }
        await this.repo.link(account.userId, identity, m);
      }
      if (account.disabled) throw new SsoRefused('disabled');
      await this.repo.setSsoOrganisation(account.userId, await this.repo.organisationForTenant(identity.tenant, m), m);
      return account.userId;
    });
  }

  listTenants() {
    return this.repo.listTenants().then((items) => ({ items }));
  }

  async mapTenant(actorId: string, dto: SsoTenantInput) {
    if (!(await this.repo.organisationExists(dto.organisationId))) {
      throw new NotFoundException({ message: 'No such organisation', fields: { organisationId: 'Choose an organisation from the list' } });
    }
    const id = await this.repo.transaction(async (m) => {
      const id = await this.repo.mapTenant(dto.tenant, dto.organisationId, actorId, m);
      if (id === null) throw new ConflictException({ message: 'This tenant is mapped already', fields: { tenant: 'This tenant is mapped already: remove its mapping first' } });
      await this.repo.audit(actorId, 'sso_tenant.mapped', dto.tenant, { organisationId: dto.organisationId }, m);
      return id;
    });
    return (await this.repo.getTenant(id))!;
  }

  async unmapTenant(actorId: string, id: number) {
    await this.repo.transaction(async (m) => {
      const removed = await this.repo.unmapTenant(id, m);
      if (!removed) throw new NotFoundException('No such tenant mapping');
      await this.repo.audit(actorId, 'sso_tenant.unmapped', removed.tenant, { organisationId: removed.organisationId }, m);
    });
  }
}

function refused(reason: SsoFailure, returnTo: string): SsoOutcome {
  return { location: `/sign-in?${new URLSearchParams({ sso: reason, returnTo })}` };
}

const truthy = (v: unknown) => v === true || v === 'true' || v === 1 || v === '1';

/**
 * Who the provider says this is. The tenant is Entra ID's `tid` (one per organisation's directory), or
 * for a provider without tenants its issuer. An address counts as verified when the provider says so:
 * `email_verified`, or Entra ID's `xms_edov` (the address's domain is verified by its tenant).
 */
export function identityFrom(claims: Record<string, unknown>): ProviderIdentity {
  const email = Email.safeParse(claims.email);
  if (!email.success) throw new SsoRefused('no-email');
  const given = [claims.given_name, claims.family_name].filter((s) => typeof s === 'string').join(' ');
  const name = [claims.name, given, email.data.split('@')[0]].map((n) => DisplayName.safeParse(typeof n === 'string' ? n.slice(0, 80) : n)).find((r) => r.success);
  return {
    issuer: String(claims.iss),
    subject: String(claims.sub),
    tenant: typeof claims.tid === 'string' && claims.tid ? claims.tid.toLowerCase() : String(claims.iss),
    email: email.data,
    emailVerified: truthy(claims.email_verified) || truthy(claims.xms_edov),
    displayName: name?.data ?? 'Member',
  };
}
