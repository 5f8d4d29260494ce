import { safeReturnTo, SsoTenantInput } from './sso';

describe('safeReturnTo: where a sign-in may land', () => {
  it.each(['/', '/tools', '/tools/x?tab=design#releases', '/threads/12?q=a%2F%2Fb', '/search?q=//not-a-host'])('keeps the path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\r\nLocation: https://evil.example',
    'javascript:alert(1)',
    'tools',
    '',
    '/'.padEnd(2001, 'a'),
    undefined,
    42,
  ])('refuses %j', (value) => {
    expect(safeReturnTo(value)).toBeNull();
  });
});

describe('SsoTenantInput', () => {
  it('writes an Entra ID tenant id in lower case, so one tenant has one mapping', () => {
    expect(SsoTenantInput.parse({ tenant: ' 72F988BF-86F1-41AF-91AB-2D7CD011DB47 ', organisationId: 3 }).tenant).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');
    expect(SsoTenantInput.parse({ tenant: 'https://id.example.org/realms/Council', organisationId: 3 }).tenant).toBe('https://id.example.org/realms/Council');
  });

  it('names the field it refuses', () => {
    expect(SsoTenantInput.safeParse({ tenant: 'has space', organisationId: 3 }).error?.issues[0].path).toEqual(['tenant']);
    expect(SsoTenantInput.safeParse({ tenant: 'x' }).error?.issues[0].path).toEqual(['organisationId']);
  });
});
