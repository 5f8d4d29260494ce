'use strict';
/** `node bench/prof-summary.js FILE.cpuprofile [N]`: the top N functions by self time, and self time by package. */
const fs = require('node:fs');
const [file, top = 30] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas;
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) || 0) + (dt[i] || 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map();
const pkg = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, 'nm:').replace(/^file:\/\/.*\/dist\//, 'dist:')}:${lineNumber + 1}`;
  fn.set(key, (fn.get(key) || 0) + us);
  const m = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  const k = m ? m[1] : url.includes('/dist/') ? 'commons (dist)' : url.startsWith('node:') ? 'node core' : url ? url : functionName.startsWith('(') ? functionName : '(native)';
  pkg.set(k, (pkg.get(k) || 0) + us);
}
const show = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
console.log(`total sampled ${(total / 1e6).toFixed(1)} s\n\nby package:\n${show(pkg, 25)}\n\nby function (self):\n${show(fn, Number(top))}`);
