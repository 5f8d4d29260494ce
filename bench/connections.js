'use strict';
/**
 * Connections: N idle authenticated sockets on one API instance (default 10,000), opened by several
 * load-generator processes (bench/conn-client.js; one process per 2,500 sockets) with a bounded number
 * of handshakes in flight each. Figures: the handshake rate (sockets/s from the first connect to the
 * last), the API process's memory per socket (RSS from /proc, and V8 heap from bench/mem-probe.js,
 * before and after, each after a short settle), and the API's CPU while the N sockets sit idle
 * (socket.io's ping every 25 s, presence heartbeats). Baseline: bench/bare-socketio.js (no auth) with
 * the same sockets.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { cpuSeconds, cpuPercent, machineBusy, machinePercent, sleep } = require('./util');
const { cpuText } = require('./report');

const PER_PROCESS = 2500;

function rssBytes(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The process's heap through bench/mem-probe.js (only if it is preloaded there: SIGWINCH is ignored otherwise). */
async function heapBytes(pid, memDir) {
  if (!memDir) return NaN;
  try {
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('mem-probe.js')) return NaN;
  } catch {
    return NaN;
  }
  const file = path.join(memDir, `mem-${pid}.json`);
  const asked = Date.now();
  process.kill(pid, 'SIGWINCH');
  for (let i = 0; i < 40; i++) {
    await sleep(50);
    try {
      const m = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (m.at >= asked) return m.heapUsed;
    } catch {
      /* not written yet */
    }
  }
  return NaN;
}

async function memory(pid, memDir) {
  return { rss: rssBytes(pid), heap: await heapBytes(pid, memDir) };
}

function ask(child, message, reply, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a connections client did not answer ${message.cmd} within ${ms / 1000} s`)), ms);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m);
    });
    child.send(message);
  });
}

/** `t`: { name, url, headers, pid (the server), memDir?, pids() (for CPU) }. */
async function measure(t, o) {
  const { count, concurrency, idleS, log } = o;
  const procs = Math.max(1, Math.ceil(count / PER_PROCESS));
  await sleep(2000);
  const before = await memory(t.pid, t.memDir);
  const clients = [];
  for (let p = 0; p < procs; p++) {
    const child = spawn(process.execPath, [path.join(__dirname, 'conn-client.js')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    o.children.push(child);
    clients.push(child);
  }
  const share = (p) => Math.floor(count / procs) + (p < count % procs ? 1 : 0);
  const cpu0 = cpuSeconds(t.pids());
  const busy0 = machineBusy();
  const started = Date.now();
  const opened = await Promise.all(clients.map((c, p) => ask(c, { cmd: 'open', url: t.url, count: share(p), headers: t.headers, concurrency }, 'open', 180_000)));
  const handshakeS = (Date.now() - started) / 1000;
  const handshakeCpu = cpuPercent(cpu0, cpuSeconds(t.pids()), handshakeS);
  delete handshakeCpu.generator;
  const total = opened.reduce((a, r) => a + r.opened, 0);
  const failed = opened.reduce((a, r) => a + r.failed, 0);
  const firstError = opened.find((r) => r.firstError)?.firstError ?? null;
  log(`connections: ${t.name}: ${total} of ${count} sockets open in ${handshakeS.toFixed(1)} s (${Math.round(total / handshakeS)}/s)${failed ? `, ${failed} failed (first: ${firstError})` : ''}`);

  await sleep(3000);
  const cpu1 = cpuSeconds(t.pids());
  const busy1 = machineBusy();
  const idleStarted = Date.now();
  await sleep(idleS * 1000);
  const idleWall = (Date.now() - idleStarted) / 1000;
  const idleCpu = cpuPercent(cpu1, cpuSeconds(t.pids()), idleWall);
  delete idleCpu.generator;
  const idleMachine = machinePercent(busy1, machineBusy());
  const after = await memory(t.pid, t.memDir);

  const closed = await Promise.all(clients.map((c) => ask(c, { cmd: 'close' }, 'close', 60_000)));
  const dropped = closed.reduce((a, r) => a + r.dropped, 0);
  clients.forEach((c) => c.kill('SIGTERM'));
  await sleep(3000);
  const r = {
    name: t.name,
    requested: count,
    sockets: total,
    failed,
    firstError,
    dropped,
    processes: procs,
    concurrency,
    handshakeS,
    handshakesPerSecond: total / handshakeS,
    handshakeCpuPercent: handshakeCpu,
    machinePercentDuringHandshakes: machinePercent(busy0, busy1),
    before,
    after,
    rssPerSocket: (after.rss - before.rss) / total,
    heapPerSocket: (after.heap - before.heap) / total,
    idleS: idleWall,
    idleCpuPercent: idleCpu,
    idleMachinePercent: idleMachine,
  };
  const mib = (b) => (b / 2 ** 20).toFixed(0);
  log(
    `connections: ${t.name}: RSS ${mib(before.rss)} → ${mib(after.rss)} MiB (${(r.rssPerSocket / 1024).toFixed(1)} KiB/socket), heap ${mib(before.heap)} → ${mib(after.heap)} MiB; ` +
      `idle CPU ${Object.entries(idleCpu).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · ')}${dropped ? `; ${dropped} sockets dropped while idle` : ''}`,
  );
  return r;
}

/**
 * `o`: { url, origin, cookie (a member's session), apiPid, memDir (where the API's mem-probe writes, or
 * null), pids (the Commons' pid map), count, concurrency, idleS, log, children }.
 */
async function connectionsScenario(o) {
  const commons = await measure({ name: 'Commons', url: o.url, headers: { cookie: o.cookie, origin: o.origin }, pid: o.apiPid, memDir: o.memDir, pids: () => ({ api: o.apiPid }) }, o);
  const memDir = o.memDir || fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'bench-mem-'));
  const bare = spawn(process.execPath, ['-r', path.join(__dirname, 'mem-probe.js'), path.join(__dirname, 'bare-socketio.js')], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: { ...process.env, BENCH_MEM_DIR: memDir } });
  o.children.push(bare);
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bare socket.io server did not start within 10 s')), 10_000);
    require('node:readline').createInterface({ input: bare.stdout }).once('line', (line) => (clearTimeout(timer), resolve(JSON.parse(line).port)));
  });
  let baseline;
  try {
    baseline = await measure({ name: 'baseline', url: `http://127.0.0.1:${port}`, headers: { cookie: o.cookie, origin: o.origin }, pid: bare.pid, memDir, pids: () => ({ server: bare.pid }) }, o);
  } finally {
    bare.kill('SIGTERM');
  }
  return { commons, baseline };
}

function connectionsRows(r, row) {
  const c = r.commons;
  const b = r.baseline;
  const scenario = `connections: ${c.requested.toLocaleString('en-GB')} idle authenticated sockets on one API instance (${c.processes} generator processes, ${c.concurrency} handshakes in flight each)`;
  const mib = (x) => x / 2 ** 20;
  const kib = (x) => x / 1024;
  return [
    row(scenario, 'sockets open (of those asked for)', c.sockets, 'sockets', b.sockets, String(c.sockets + c.failed), c.failed === 0),
    { ...row(scenario, 'handshakes/s', c.handshakesPerSecond, '1/s', b.handshakesPerSecond), text: { commons: `CPU: ${cpuText(c.handshakeCpuPercent)}`, baseline: `CPU: ${cpuText(b.handshakeCpuPercent)}` } },
    row(scenario, 'API process RSS with the sockets open, MiB', mib(c.after.rss), 'MiB', mib(b.after.rss), '< 1024 MiB', c.after.rss < 2 ** 30),
    row(scenario, 'RSS per socket, KiB', kib(c.rssPerSocket), 'KiB', kib(b.rssPerSocket)),
    row(scenario, 'V8 heap per socket, KiB', kib(c.heapPerSocket), 'KiB', kib(b.heapPerSocket)),
    row(scenario, `CPU of the server while idle (${Math.round(c.idleS)} s), % of one core`, Object.values(c.idleCpuPercent).reduce((a, v) => a + v, 0), '% core', Object.values(b.idleCpuPercent).reduce((a, v) => a + v, 0)),
    row(scenario, 'sockets dropped while idle', c.dropped, 'sockets', null, '0', c.dropped === 0),
  ];
}

module.exports = { connectionsScenario, connectionsRows };
