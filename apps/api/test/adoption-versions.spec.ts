import type { INestApplicationContext } from '@nestjs/common';
import { isolated, settled, signedIn, startApp, startWorker, verifiedMemberOf, type TestApp } from './harness';

let t: TestApp;
let worker: INestApplicationContext;
beforeAll(async () => {
  const env = await isolated('versions');
  t = await startApp(env);
  worker = await startWorker(env);
});
afterAll(async () => {
  await worker?.close();
  await t?.close();
});

const orgId = async (laCode: string) => (await t.db.query(`SELECT id FROM organisations WHERE la_code = $1`, [laCode]))[0].id as number;

describe('versions in use', () => {
  it('records the version an authority runs and shows versions in use and how many are behind the latest major', async () => {
    const maintainer = await signedIn(t.url);
    const slug = `versions-${Date.now().toString(36)}`;
    await maintainer.client.post('/api/tools', { slug, name: 'Versions Tool', summary: 'A tool for the versions test.' });
    for (const version of ['1.4.0', '2.0.0']) await maintainer.client.post(`/api/tools/${slug}/releases`, { version });
    const [camden, kent] = [await signedIn(t.url), await signedIn(t.url)];
    const camdenId = await orgId('202');
    await verifiedMemberOf(t, camden.client, camdenId);
    await verifiedMemberOf(t, kent.client, await orgId('886'));

    expect((await camden.client.put(`/api/tools/${slug}/adoptions/${camdenId}`, { status: 'uses', version: 'one point two' })).body.error.fields).toHaveProperty('version');
    expect((await camden.client.put(`/api/tools/${slug}/adoptions/${camdenId}`, { status: 'uses', version: '1.4.0' })).body.adoption).toMatchObject({ status: 'uses', version: '1.4.0' });
    await kent.client.put(`/api/tools/${slug}/adoptions/${await orgId('886')}`, { status: 'pilots', version: '2.0.0' });
    const summary = (await camden.client.get(`/api/tools/${slug}/adoptions`)).body;
    expect(summary).toMatchObject({ latest: '2.0.0', versions: [{ version: '2.0.0', authorities: 1 }, { version: '1.4.0', authorities: 1 }], behindMajor: 1 });

    // Leaving the version out keeps it; null clears it.
    expect((await camden.client.put(`/api/tools/${slug}/adoptions/${camdenId}`, { status: 'pilots' })).body.adoption.version).toBe('1.4.0');
    expect((await camden.client.put(`/api/tools/${slug}/adoptions/${camdenId}`, { status: 'pilots', version: null })).body.adoption.version).toBeNull();
  });

  it('a new release tells the verified members of authorities that use the tool, watching it or not', async () => {
    const maintainer = await signedIn(t.url);
    const slug = `released-${Date.now().toString(36)}`;
    await maintainer.client.post('/api/tools', { slug, name: 'Released Tool', summary: 'A tool for the release notification test.' });
    const user = await signedIn(t.url);
    const bystander = await signedIn(t.url);
    const camdenId = await orgId('202');
    await verifiedMemberOf(t, user.client, camdenId);
    await user.client.put(`/api/tools/${slug}/adoptions/${camdenId}`, { status: 'uses' });
    await settled(t.db, worker);

    await maintainer.client.post(`/api/tools/${slug}/releases`, { version: '3.0.0' });
    await settled(t.db, worker);
    const told = async (id: string) => t.db.query(`SELECT title FROM notifications WHERE user_id = $1 AND url = $2`, [id, `/tools/${slug}`]);
    expect(await told(user.user.id)).toEqual([{ title: 'Released Tool 3.0.0 released' }]);
    expect(await told(bystander.user.id)).toEqual([]);
  });
});
