import { versionsInUse } from './adoption.service';

describe('versionsInUse', () => {
  it('counts the versions run by authorities that use or pilot the tool, newest first, and those behind the latest major', () => {
    const rows = [
      { status: 'uses' as const, version: '2.1.0' },
      { status: 'uses' as const, version: '1.9.3' },
      { status: 'pilots' as const, version: '2.1.0' },
      { status: 'uses' as const, version: '1.2.0' },
      { status: 'stopped' as const, version: '0.9.0' },
      { status: 'interested' as const, version: null },
      { status: 'uses' as const, version: null },
    ];
    expect(versionsInUse(rows, ['1.9.3', '2.1.0', '2.0.0', '1.10.0'])).toEqual({
      latest: '2.1.0',
      versions: [
        { version: '2.1.0', authorities: 2 },
        { version: '1.9.3', authorities: 1 },
        { version: '1.2.0', authorities: 1 },
      ],
      behindMajor: 2,
    });
  });

  it('has no latest and nobody behind before the first release', () => {
    expect(versionsInUse([{ status: 'uses', version: '0.1.0' }], [])).toEqual({ latest: null, versions: [{ version: '0.1.0', authorities: 1 }], behindMajor: 0 });
  });
});
