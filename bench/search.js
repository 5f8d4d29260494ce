'use strict';
/**
 * The one search box: requests/s and latency of GET /api/search?q= (tools, initiatives, threads and
 * messages, with the reader's visibility rules), beside the reads baseline (bench/bare-read.js: bare
 * Node http doing one SELECT of 20 catalogue rows) measured in the same run. Two searches, anonymous:
 *
 *   misspelt    "cin censsus": the trigram (pg_trgm) path, finds the CIN census tools
 *   common word "returns": a word in most of the bench's messages (the full-text path, ranked among
 *               the newest matches)
 *   and the catalogue's own search (GET /api/tools?q=data), which matches the same way
 *
 * Setup posts BENCH_SEARCH_MESSAGES messages (default 500) in a few threads, so there is something
 * to search beside the reference catalogue. `BENCH_ONLY=search` runs this phase alone.
 */
const { measure } = require('./reads');
const { JsonClient } = require('./util');

const TOPICS = ['SSDA903 return', 'CIN census', 'Annex A list', 'SEN2 return', 'school census'];
const TOOLS = ['validator', 'demand model', 'dashboard', 'SQL toolkit', 'extract scripts'];

/** `o`: { env, url, origin, pids (postgres included), settings: { connections, seconds, maxRest, refresh }, log, children, startChild }. */
async function searchScenario(o) {
  const { env, settings: s, log } = o;
  const count = Number(env.BENCH_SEARCH_MESSAGES || 500);
  const member = new JsonClient(o.url, { origin: o.origin });
  await member.expect(201, 'POST', '/api/auth/register', { email: `bench.searcher.${Date.now()}.${process.pid}@example.org`, password: 'a sensible bench passphrase', displayName: 'Bench Searcher' });
  const threads = [];
  for (let t = 0; t < 5; t++) {
    const created = await member.expect(201, 'POST', '/api/threads', { subjectType: 'general', title: `Checking the ${TOPICS[t]} before it goes`, body: `How do you check the ${TOPICS[t]} before it goes to the DfE?` });
    threads.push(created.thread.id);
  }
  for (let i = 0; i < count; i++) {
    const body = `We ran the ${TOPICS[i % 5]} through the ${TOOLS[Math.floor(i / 5) % 5]} and it found errors in the returns for message ${i}; the next step is a fix.`;
    await member.expect(201, 'POST', `/api/threads/${threads[i % 5]}/messages`, { body });
  }
  member.close();

  const probe = new JsonClient(o.url);
  const searches = [
    { key: 'misspelt', q: 'cin censsus' },
    { key: 'common', q: 'returns' },
  ];
  for (const x of searches) {
    const found = await probe.expect(200, 'GET', `/api/search?q=${encodeURIComponent(x.q)}`);
    x.matches = found.items.length;
    x.first = found.items[0] ? `${found.items[0].type} ${found.items[0].id}` : null;
  }
  probe.close();
  log(`search: ${count + 5} messages posted; ${searches.map((x) => `"${x.q}" → ${x.matches} items (first: ${x.first})`).join('; ')}; ${s.connections} connections, ${s.seconds} s each`);

  const bare = await o.startChild('bare-read.js', o.children);
  const out = { connections: s.connections, seconds: s.seconds, messages: count, searches: searches.map(({ key, q, matches, first }) => ({ key, q, matches, first })) };
  try {
    for (const x of searches) out[x.key] = await measure(`search "${x.q}"`, `${o.url}/api/search?q=${encodeURIComponent(x.q)}`, o.pids, s, o.children, log);
    // The catalogue's own search, which matches the same way, for comparison in the same run.
    out.catalogue = await measure('catalogue search "data"', `${o.url}/api/tools?q=data`, o.pids, s, o.children, log);
    out.baseline = await measure('baseline', `${bare.url}/read`, () => ({ server: bare.pid, postgres: o.pids().postgres }), s, o.children, log);
  } finally {
    bare.child.kill('SIGTERM');
  }
  return out;
}

function searchRows(r, row) {
  const rows = [];
  const b = r.baseline;
  const scenario = (what) => `search box, ${what}, ${r.connections} connections, ${r.seconds} s (baseline: bare http + one SELECT)`;
  for (const x of r.searches) {
    const c = r[x.key];
    if (!c) continue;
    const what = `GET /api/search?q=${x.q} (${x.matches} items)`;
    rows.push(row(scenario(what), 'reads/s', c.requestsPerSecond, '1/s', b.requestsPerSecond, '≥ 0.5× baseline', c.requestsPerSecond >= 0.5 * b.requestsPerSecond));
    rows.push(row(scenario(what), 'latency p50', c.p50, 'ms', b.p50));
    rows.push(row(scenario(what), 'latency p99', c.p99, 'ms', b.p99));
    rows.push(row(scenario(what), 'non-2xx answers and errors', c.non2xx + c.errors, 'answers', null, '0', c.non2xx + c.errors === 0));
  }
  if (r.catalogue) {
    const c = r.catalogue;
    rows.push(row(scenario('catalogue GET /api/tools?q=data'), 'reads/s', c.requestsPerSecond, '1/s', b.requestsPerSecond));
    rows.push(row(scenario('catalogue GET /api/tools?q=data'), 'latency p50', c.p50, 'ms', b.p50));
  }
  return rows;
}

module.exports = { searchScenario, searchRows };
