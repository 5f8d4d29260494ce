import { MemberList, mentionToken } from '@commons/domain';
import { Client, signedIn, startApp, TestApp } from './harness';

let t: TestApp;
// unique to this run: the database is shared with other files' members
const tag = `Zq${Date.now().toString(36)}`;

beforeAll(async () => {
  t = await startApp({ MEMBER_LOOKUPS_PER_MINUTE: '20' });
});
afterAll(() => t.close());

const find = (client: Client, q: string, extra = '') => client.get(`/api/members?q=${encodeURIComponent(q)}${extra}`);

describe('GET /api/members', () => {
  it('finds any member by the start of a word of their name, with id and display name only', async () => {
    const helen = await signedIn(t.url, { displayName: `Helen ${tag}clarke` });
    const ann = await signedIn(t.url, { displayName: `Ann Smith-${tag}clay` });
    await signedIn(t.url, { displayName: `Bob X${tag}clarke` }); // the word does not start with it
    const { client, user: me } = await signedIn(t.url, { displayName: `Me ${tag}clerk` });

    const res = await find(client, `${tag}cl`);
    expect(res.status).toBe(200);
    expect(MemberList.parse(res.body)).toEqual(res.body);
    // the caller is not offered to themselves; names in order
    expect(res.body.items).toEqual([
      { id: ann.user.id, displayName: `Ann Smith-${tag}clay` },
      { id: helen.user.id, displayName: `Helen ${tag}clarke` },
    ]);
    expect(res.body.items.map((m: { id: string }) => m.id)).not.toContain(me.id);
    // whole-name prefixes first; case does not matter
    const first = await find(client, 'helen');
    expect(first.status).toBe(200);
    expect(first.body.items.every((m: { displayName: string }) => /\bhelen/i.test(m.displayName))).toBe(true);
    expect((await find(client, `HELEN ${tag}CLA`)).body.items).toEqual([{ id: helen.user.id, displayName: `Helen ${tag}clarke` }]);
  });

  it('treats % and _ as letters, honours limit, and leaves deleted accounts out', async () => {
    const { client } = await signedIn(t.url);
    for (let i = 0; i < 3; i++) await signedIn(t.url, { displayName: `Many ${tag}many ${i}` });
    expect((await find(client, `${tag}many`, '&limit=2')).body.items).toHaveLength(2);
    expect((await find(client, `${tag}many`)).body.items).toHaveLength(3);
    expect((await find(client, '%')).body.items).toEqual([]);
    expect((await find(client, `${tag}_any`)).body.items).toEqual([]);

    const gone = await signedIn(t.url, { displayName: `Gone ${tag}gone` });
    expect((await find(client, `${tag}gone`)).body.items).toHaveLength(1);
    expect((await gone.client.request('DELETE', '/api/me', { password: 'a sensible passphrase' })).status).toBeLessThan(300);
    expect((await find(client, `${tag}gone`)).body.items).toEqual([]);
  });

  it('is for signed-in members, and names the field of bad input', async () => {
    expect((await find(new Client(t.url), 'helen')).status).toBe(401);
    const { client } = await signedIn(t.url);
    for (const [query, field] of [
      ['', 'q'],
      ['?q=', 'q'],
      ['?q=%20%20', 'q'],
      [`?q=${'x'.repeat(81)}`, 'q'],
      ['?q=ann&limit=50', 'limit'],
      ['?q=ann&limit=many', 'limit'],
    ]) {
      const res = await client.get(`/api/members${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error.fields).toHaveProperty([field]);
    }
  });

  it('limits look-ups per member per minute', async () => {
    const { client } = await signedIn(t.url);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await find(client, 'ann')).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await find(client, 'ann');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // another member is not held up by it
    expect((await find((await signedIn(t.url)).client, 'ann')).status).toBe(200);
  });

  it('finds people who never posted in a thread, and a mention of them is recorded', async () => {
    const quiet = await signedIn(t.url, { displayName: `Quiet ${tag}quiet` });
    const { client } = await signedIn(t.url);
    const [found] = (await find(client, `${tag}quiet`)).body.items;
    expect(found.id).toBe(quiet.user.id);
    const res = await client.post('/api/threads', { subjectType: 'general', title: 'Who knows the census?', body: `Ask ${mentionToken(found)} about it` });
    expect(res.status).toBe(201);
    expect(res.body.message.mentions).toEqual([quiet.user.id]);
  });
});
