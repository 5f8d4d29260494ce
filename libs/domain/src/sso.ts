import { z } from 'zod';

/**
 * Where to go after signing in: a path on this site only. An absolute URL, a scheme-relative `//host`
 * or a backslash (which browsers read as `/`) could send the person to another site (an open redirect).
 */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    // Resolved against a throwaway origin, a path stays on it; anything that leaves it is refused.
    const url = new URL(value, 'http://commons.invalid');
    return url.origin === 'http://commons.invalid' ? value : null;
  } catch {
    return null;
  }
}

export const ReturnTo = z
  .string()
  .max(2000, 'returnTo must be 2000 characters or fewer')
  .refine((v) => safeReturnTo(v) !== null, 'returnTo must be a path on this site, starting with a single /');

/** Whether single sign-on is offered, and the name on its button ("Sign in with <name>"). */
export const SsoStatus = z.object({ enabled: z.boolean(), name: z.string().nullable() });
export type SsoStatus = z.infer<typeof SsoStatus>;

export const SsoLoginQuery = z.object({ returnTo: ReturnTo.optional() });

/** What the provider sends back; the whole URL is checked by the OpenID client, this only bounds it. */
export const SsoCallbackQuery = z
  .object({
    code: z.string().max(4096).optional(),
    state: z.string().max(4096).optional(),
    iss: z.string().max(2000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(4096).optional(),
  })
  .catchall(z.string().max(4096));

/** Why a single sign-on came back to the sign-in page instead of signing in. */
export const SsoFailure = z.enum(['failed', 'unavailable', 'cancelled', 'no-email', 'email-in-use', 'disabled']);
export type SsoFailure = z.infer<typeof SsoFailure>;

/** A provider tenant whose people are verified members of an organisation. */
export const SsoTenant = z.object({
  id: z.number().int(),
  /** Entra ID's tenant id (the `tid` claim), or the issuer URL of a provider without tenants. */
  tenant: z.string(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  /** Accounts that have signed in through this tenant. */
  accounts: z.number().int(),
  createdAt: z.string(),
});
export type SsoTenant = z.infer<typeof SsoTenant>;
export const SsoTenantList = z.object({ items: z.array(SsoTenant) });

export const SsoTenantInput = z.object({
  tenant: z
    .string({ error: 'Enter the tenant ID' })
    .trim()
    .min(1, 'Enter the tenant ID')
    .max(300, 'Tenant ID must be 300 characters or fewer')
    .refine((s) => !/[\s\u0000-\u001f\u007f]/.test(s), 'Tenant ID must not contain spaces or control characters')
    // Entra ID tenant ids are GUIDs; writing them one way keeps one mapping per tenant.
    .transform((s) => (/^[0-9a-f-]{36}$/i.test(s) ? s.toLowerCase() : s)),
  organisationId: z.number({ error: 'Choose an organisation' }).int().positive('Choose an organisation').max(2_147_483_647, 'No such organisation'),
});
export type SsoTenantInput = z.infer<typeof SsoTenantInput>;

export const SsoTenantParam = z.object({ id: z.coerce.number({ error: 'id must be a number' }).int().positive().max(2_147_483_647) });
