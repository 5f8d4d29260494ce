import { identityFrom } from './oidc.service';

const base = { iss: 'https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0', sub: 'abc' };

describe('identityFrom: what the provider says about the person', () => {
  it("takes Entra ID's tenant (tid) and its verified-domain claim (xms_edov)", () => {
    expect(identityFrom({ ...base, tid: '9188040D-6C67-4C5B-B112-36A304B66DAD', email: 'Sam@Council.gov.uk', xms_edov: true, name: 'Sam Smith' })).toEqual({
      issuer: base.iss,
      subject: 'abc',
      tenant: '9188040d-6c67-4c5b-b112-36a304b66dad',
      email: 'sam@council.gov.uk',
      emailVerified: true,
      displayName: 'Sam Smith',
    });
  });

  it('counts an address as verified only when the provider says so', () => {
    expect(identityFrom({ ...base, email: 'a@b.org' }).emailVerified).toBe(false);
    expect(identityFrom({ ...base, email: 'a@b.org', email_verified: false }).emailVerified).toBe(false);
    expect(identityFrom({ ...base, email: 'a@b.org', email_verified: 'true' }).emailVerified).toBe(true);
  });

  it('uses the issuer as the tenant of a provider without tenants', () => {
    expect(identityFrom({ iss: 'https://id.example.org', sub: 'x', email: 'a@b.org' }).tenant).toBe('https://id.example.org');
  });

  it('falls back from a missing or unusable name to the given names, then the address', () => {
    expect(identityFrom({ ...base, email: 'a@b.org', given_name: 'Jo', family_name: 'Bloggs' }).displayName).toBe('Jo Bloggs');
    expect(identityFrom({ ...base, email: 'jo.bloggs@b.org', name: '\u0007' }).displayName).toBe('jo.bloggs');
    expect(identityFrom({ ...base, email: 'a@b.org', name: 'x'.repeat(200) }).displayName).toHaveLength(80);
  });

  it('refuses a provider that gives no usable address', () => {
    expect(() => identityFrom({ ...base })).toThrow('no-email');
    expect(() => identityFrom({ ...base, email: 'not an address' })).toThrow('no-email');
  });
});
