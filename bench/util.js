'use strict';
const fs = require('node:fs');
const http = require('node:http');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const TICKS = 100; // USER_HZ: /proc times are in 1/100 s on Linux

/**
 * CPU seconds (user + system) used so far, per pid: this process as "generator", and each named entry
 * of `pids` (a pid or a list of pids, e.g. every postgres backend).
 */
function cpuSeconds(pids = {}) {
  const own = process.cpuUsage();
  const out = { generator: { self: (own.user + own.system) / 1e6 } };
  for (const [name, list] of Object.entries(pids)) {
    out[name] = {};
    for (const p of [].concat(list || [])) {
      try {
        const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out[name][p] = (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime (fields 14, 15)
      } catch {
        /* not Linux, or gone */
      }
    }
  }
  return out;
}

/** % of one core each name used between two cpuSeconds() readings `wallS` apart (pids present in both). */
function cpuPercent(before, after, wallS) {
  const out = {};
  for (const [name, pids] of Object.entries(after)) {
    let sum = 0;
    let any = false;
    for (const [pid, s] of Object.entries(pids)) {
      if (before[name]?.[pid] === undefined) continue;
      sum += Math.max(0, s - before[name][pid]);
      any = true;
    }
    if (any) out[name] = (sum / wallS) * 100;
  }
  return out;
}

/** Pids of the processes whose command name is `comm` (e.g. every postgres backend). */
function pidsNamed(comm) {
  try {
    return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
      try {
        return fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
}

/** Busy and total jiffies of the whole machine (all cores), or null off Linux. */
function machineBusy() {
  try {
    const [, ...nums] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const v = nums.map(Number);
    const idle = v[3] + (v[4] || 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * A tiny JSON HTTP client over one keep-alive connection (maxSockets 1): requests go out one at a
 * time, in the order they were made.
 */
class JsonClient {
  constructor(base, { cookie = '', origin } = {}) {
    this.base = new URL(base);
    this.cookie = cookie;
    this.origin = origin;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  request(method, path, body) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(payload && { 'content-type': 'application/json', 'content-length': payload.length }),
            ...(this.cookie && { cookie: this.cookie }),
            ...(this.origin && { origin: this.origin }),
          },
          timeout: 30_000,
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const set = (res.headers['set-cookie'] || []).find((c) => c.startsWith('commons_session='));
            if (set) this.cookie = set.split(';')[0];
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              /* keep text */
            }
            resolve({ status: res.statusCode, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** Like request, but rejects unless the status is `expected`. */
  async expect(expected, method, path, body) {
    const res = await this.request(method, path, body);
    if (res.status !== expected) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  }

  close() {
    this.agent.destroy();
  }
}

/** % of one core the whole machine was busy between two machineBusy() readings (NaN off Linux). */
function machinePercent(before, after) {
  if (!before || !after || after.total === before.total) return NaN;
  return ((100 * (after.busy - before.busy)) / (after.total - before.total)) * require('node:os').cpus().length;
}

/** Waits (at most `maxMs`) until the whole machine stays under `underPercent` of one core for a second. */
async function waitQuiet(underPercent, maxMs) {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const before = machineBusy();
    await sleep(1000);
    const busy = machinePercent(before, machineBusy());
    if (!(busy >= underPercent) || Date.now() > deadline) return busy;
  }
}

module.exports = { sleep, cpuSeconds, cpuPercent, pidsNamed, machineBusy, machinePercent, waitQuiet, JsonClient };
