'use strict';
/** The bench's results: rows of results.json and the Markdown table printed at the end. */

const fmt = (v, unit) => {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (unit === 'ms') return v < 10 ? v.toFixed(2) : v.toFixed(1);
  if (unit === 'x') return `${v.toFixed(2)}×`;
  return Math.round(v).toLocaleString('en-GB');
};

/** One row of results.json. */
function row(scenario, metric, value, unit, baseline = null, target = null, met = null) {
  const ratio = baseline ? value / baseline : null;
  return { scenario, metric, value, unit, baseline, ratio, target, met };
}

const cpuText = (cpu) =>
  Object.entries(cpu)
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(' · ');

/**
 * `c` and `b`: { setupMs, presence, latency, fast } of the Commons and of the baseline (summaries);
 * `settings`: the run's { SOCKETS, RATE, SECONDS, FAST_RATE, FAST_SECONDS }.
 */
function rowsFor(c, b, conditions, { SOCKETS, RATE, SECONDS, FAST_RATE, FAST_SECONDS }) {
  const rows = [];
  const all = `fan-out, ${SOCKETS} sockets`;
  rows.push(row(all, 'connect + subscribe every socket', c.setupMs / 1000, 's', b.setupMs / 1000));
  rows.push(row(all, 'presence messages received while subscribing', c.presence, 'messages', null));
  const cpuRow = (scenario, cs, bs) => ({
    ...row(scenario, 'CPU, % of one core (machine: 200)', cs.machinePercent, '% core', bs.machinePercent),
    text: { commons: cpuText(cs.cpuPercent), baseline: cpuText(bs.cpuPercent) },
  });
  {
    const [cl, bl] = [c.latency, b.latency];
    const scenario = `${all}, ${RATE} writes/s (latency: ${conditions.used} rounds of ${SECONDS} s${conditions.clean ? '' : ', DISTURBED'})`;
    rows.push(row(scenario, 'post → receive p50', cl.p50, 'ms', bl.p50));
    rows.push(row(scenario, 'post → receive p95', cl.p95, 'ms', bl.p95));
    rows.push(row(scenario, 'post → receive p99', cl.p99, 'ms', bl.p99, '≤ 2× baseline and < 50 ms', cl.p99 <= 2 * bl.p99 && cl.p99 < 50));
    rows.push(row(scenario, 'post → last of the sockets, p99 of writes', cl.lastSocketP99, 'ms', bl.lastSocketP99));
    rows.push(row(scenario, 'HTTP write answered p50', cl.httpP50, 'ms', bl.httpP50));
    rows.push(row(scenario, `deliveries/s (offered ${fmt(cl.offeredDeliveriesPerSecond)})`, cl.deliveriesPerSecond, '1/s', bl.deliveriesPerSecond));
    rows.push(row(scenario, 'events not received', cl.lost, 'receipts', null, '0', cl.lost === 0));
    rows.push(row(scenario, 'duplicate deliveries (dropped by seq, as the client does)', cl.duplicates, 'receipts', null));
    rows.push(cpuRow(scenario, cl, bl));
  }
  if (c.fast && b.fast) {
    const [cf, bf] = [c.fast, b.fast];
    const scenario = `${all}, ${FAST_RATE} writes/s for ${FAST_SECONDS} s (throughput${c.fastDisturbed || b.fastDisturbed ? ', DISTURBED' : ''})`;
    rows.push(row(scenario, `deliveries/s sustained (offered ${fmt(cf.offeredDeliveriesPerSecond)})`, cf.deliveriesPerSecond, '1/s', bf.deliveriesPerSecond));
    rows.push(row(scenario, 'post → receive p99 (the backlog, if saturated)', cf.p99, 'ms', bf.p99));
    rows.push(row(scenario, 'events not received within 20 s', cf.lost, 'receipts', null));
    rows.push(row(scenario, 'duplicate deliveries (dropped by seq)', cf.duplicates, 'receipts', null));
    rows.push(cpuRow(scenario, cf, bf));
  }
  return rows;
}

function table(rows) {
  const lines = ['| scenario | metric | Commons | baseline | Commons / baseline | target | |', '| --- | --- | ---: | ---: | ---: | --- | --- |'];
  const show = (v, unit) =>
    v === null || v === undefined
      ? ''
      : unit === 's'
        ? `${v.toFixed(1)} s`
        : unit === 'ms'
          ? `${fmt(v, 'ms')} ms`
          : unit === '% core'
            ? `${Math.round(v)} %`
            : unit === 'KiB' || unit === 'MiB'
              ? `${v.toFixed(1)} ${unit}`
              : fmt(v);
  for (const r of rows) {
    const met = r.met === null ? '' : r.met ? 'target met' : '**target missed**';
    let value = show(r.value, r.unit);
    let base = show(r.baseline, r.unit);
    if (r.text) {
      value += ` (${r.text.commons})`;
      base += ` (${r.text.baseline})`;
    }
    lines.push(`| ${r.scenario} | ${r.metric} | ${value} | ${base} | ${r.ratio === null ? '' : fmt(r.ratio, 'x')} | ${r.target ?? ''} | ${met} |`);
  }
  return lines.join('\n');
}

module.exports = { fmt, row, rowsFor, table, cpuText };
