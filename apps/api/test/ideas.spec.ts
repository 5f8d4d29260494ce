import type { INestApplicationContext } from '@nestjs/common';
import { Client, settled, signedIn, signedInAdmin, startApp, startWorker, verifiedMemberOf, type TestApp } from './harness';

let t: TestApp;
let worker: INestApplicationContext;
beforeAll(async () => {
  t = await startApp();
  worker = await startWorker();
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
});

const orgId = async (laCode: string) => (await t.db.query(`SELECT id FROM organisations WHERE la_code = $1`, [laCode]))[0].id as number;
const need = { title: 'A shared CIN census validator', body: 'Every authority checks its CIN census return by hand in the last week before submission.' };

describe('ideas', () => {
  it('any member raises one; only verified local authority members back it, once per authority', async () => {
    const author = await signedIn(t.url);
    const created = await author.client.post('/api/ideas', need);
    expect(created.status).toBe(201);
    const id = created.body.idea.id;
    expect(created.body.idea).toMatchObject({ status: 'open', kind: 'need', backing: { authorities: 0, regions: 0 } });

    // Self-declared membership counts for nothing.
    expect((await author.client.put(`/api/ideas/${id}/backing`)).status).toBe(403);
    expect((await new Client(t.url).put(`/api/ideas/${id}/backing`)).status).toBe(401);

    const camden1 = await signedIn(t.url);
    const camden2 = await signedIn(t.url);
    const kent = await signedIn(t.url);
    await verifiedMemberOf(t, camden1.client, await orgId('202'));
    await verifiedMemberOf(t, camden2.client, await orgId('202'));
    await verifiedMemberOf(t, kent.client, await orgId('886'));

    expect((await camden1.client.put(`/api/ideas/${id}/backing`)).body.you).toMatchObject({ backs: true, canBack: true });
    // A colleague at the same authority finds it backed already: one backing per authority.
    const again = await camden2.client.put(`/api/ideas/${id}/backing`);
    expect(again.body.idea.backing).toEqual({ authorities: 1, regions: 1 });
    const both = await kent.client.put(`/api/ideas/${id}/backing`);
    expect(both.body.idea.backing).toEqual({ authorities: 2, regions: 2 });
    expect(both.body.idea.backers.map((b: { name: string; region: string }) => `${b.name} (${b.region})`)).toEqual(['Camden (London)', 'Kent (South East)']);

    const list = await new Client(t.url).get('/api/ideas?sort=backing');
    expect(list.body.items[0]).toMatchObject({ id, backing: { authorities: 2 } });

    // Any verified member of the authority may withdraw its backing.
    expect((await camden2.client.delete(`/api/ideas/${id}/backing`)).body.idea.backing).toEqual({ authorities: 1, regions: 1 });
  });

  it('refuses personal data and names bad fields', async () => {
    const m = await signedIn(t.url);
    const pii = await m.client.post('/api/ideas', { title: 'Track a child', body: 'For example Jamie Smith, NHS number 943 476 5919, who moved in March.' });
    expect(pii.status).toBe(400);
    expect(pii.body.error.fields).toHaveProperty('body');
    const bad = await m.client.post('/api/ideas', { title: 'x', body: 'short', kind: 'wish' });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['body', 'kind', 'title']);
    expect((await new Client(t.url).get('/api/ideas?sort=loudest')).body.error.fields).toHaveProperty('sort');
    expect((await new Client(t.url).get('/api/ideas/999999')).status).toBe(404);
  });

  it('moderators move it on, linking what takes it forward; the author and backers are told once, the moderator not', async () => {
    const author = await signedIn(t.url);
    const backer = await signedIn(t.url);
    await verifiedMemberOf(t, backer.client, await orgId('330'));
    const id = (await author.client.post('/api/ideas', need)).body.idea.id;
    await backer.client.put(`/api/ideas/${id}/backing`);

    expect((await author.client.patch(`/api/ideas/${id}`, { status: 'planned' })).status).toBe(403);
    const admin = await signedInAdmin(t.url);
    expect((await admin.patch(`/api/ideas/${id}`, { status: 'declined' })).body.error.fields).toHaveProperty('reason');
    expect((await admin.patch(`/api/ideas/${id}`, { link: { type: 'tool', id: 'no-such-tool-here' } })).body.error.fields).toHaveProperty('link');

    const thread = await author.client.post('/api/threads', { subjectType: 'general', title: 'Where the validator is designed', kind: 'discussion', body: 'Design notes go here.' });
    const moved = await admin.patch(`/api/ideas/${id}`, { status: 'in_design', link: { type: 'thread', id: String(thread.body.thread.id) } });
    expect(moved.status).toBe(200);
    expect(moved.body.idea).toMatchObject({ status: 'in_design', link: { type: 'thread', id: String(thread.body.thread.id) } });

    await settled(t.db, worker);
    const told = await t.db.query(`SELECT user_id, title, url FROM notifications WHERE kind = 'idea' AND url = $1 ORDER BY user_id`, [`/ideas/${id}`]);
    expect(told.map((n: { user_id: string }) => n.user_id).sort()).toEqual([author.user.id, backer.user.id].sort());
    expect(told[0]).toMatchObject({ title: '“A shared CIN census validator” is now in design' });
  });
});
