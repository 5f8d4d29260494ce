import * as Plot from '@observablehq/plot';
import type { AdoptionStatus } from '@commons/domain';
import { Chart } from './Chart';

/** GOV.UK palette: colour is never the only signal (each chart has its table, each cell its title). */
const STATUS_COLOUR: Record<AdoptionStatus | 'none', string> = {
  uses: '#00703c',
  pilots: '#1d70b8',
  interested: '#f47738',
  stopped: '#6f777b',
  none: '#f3f2f1',
};
const STATUS_TEXT: Record<AdoptionStatus | 'none', string> = { uses: 'Uses', pilots: 'Pilots', interested: 'Interested', stopped: 'Stopped', none: 'Not recorded' };
const COLUMNS = 8;

export interface MapAuthority {
  id: number;
  name: string;
  region: string | null;
  status?: AdoptionStatus | null;
  /** For the England-wide map: how many tools the authority uses. */
  count?: number;
}

/**
 * A tile map: one square per authority, grouped by region (9 panels). Without openly licensed boundaries
 * in the repo, a tile map shows every authority at the same size, which also keeps small unitaries visible.
 */
export function AdoptionMap({ authorities, label, mode }: { authorities: MapAuthority[]; label: string; mode: 'status' | 'count' }) {
  const regions = [...new Set(authorities.map((a) => a.region ?? 'No region'))].sort();
  const tiles = regions.flatMap((region) =>
    authorities
      .filter((a) => (a.region ?? 'No region') === region)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a, i) => ({ ...a, region, x: i % COLUMNS, y: Math.floor(i / COLUMNS), key: a.status ?? 'none' })),
  );
  const max = Math.max(1, ...tiles.map((t) => t.count ?? 0));
  return (
    <Chart
      label={label}
      deps={[authorities, mode]}
      build={() =>
        Plot.plot({
          width: 640,
          height: 80 + Math.ceil(regions.length / 3) * 160,
          marginTop: 30,
          padding: 0.08,
          x: { axis: null, domain: [...Array(COLUMNS).keys()] },
          y: { axis: null, domain: [...Array(Math.max(...tiles.map((t) => t.y)) + 1).keys()] },
          fx: { axis: null },
          facet: { data: tiles, x: (t: (typeof tiles)[number]) => regions.indexOf(t.region) % 3, y: (t: (typeof tiles)[number]) => Math.floor(regions.indexOf(t.region) / 3) },
          color:
            mode === 'status'
              ? { domain: Object.keys(STATUS_COLOUR), range: Object.values(STATUS_COLOUR), legend: true, tickFormat: (k: string) => STATUS_TEXT[k as AdoptionStatus] }
              : { type: 'linear', domain: [0, max], range: ['#f3f2f1', '#00703c'], legend: true, label: 'Tools used', ticks: max, tickFormat: 'd' },
          marks: [
            Plot.cell(tiles, {
              x: 'x',
              y: 'y',
              fill: mode === 'status' ? 'key' : (t) => t.count ?? 0,
              stroke: '#b1b4b6',
              title: (t) => (mode === 'status' ? `${t.name}: ${STATUS_TEXT[t.key as AdoptionStatus]}` : `${t.name}: ${t.count ?? 0} tools`),
            }),
            Plot.text(regions, { fx: (_r: string, i: number) => i % 3, fy: (_r: string, i: number) => Math.floor(i / 3), frameAnchor: 'top-left', dy: -14, text: (r: string) => r, fontSize: 11 }),
          ],
          // Room between rows of regions for the next row's names.
          fy: { axis: null, padding: 0.22 },
        })
      }
    />
  );
}

/** Milestones done against milestones due, cumulative over time: the initiative's burn-up. */
export function BurnUp({ milestones, label }: { milestones: { dueDate: string | null; doneAt: string | null }[]; label: string }) {
  const points = burnUpSeries(milestones);
  return (
    <Chart
      label={label}
      deps={[milestones]}
      build={() =>
        Plot.plot({
          width: 640,
          height: 260,
          y: { grid: true, label: 'Milestones', domain: [0, milestones.length], ticks: Math.min(milestones.length, 10) },
          x: { type: 'utc', label: null },
          color: { legend: true, domain: ['Due', 'Done'], range: ['#6f777b', '#00703c'] },
          marks: [
            Plot.ruleY([0]),
            Plot.line(points, { x: 'date', y: 'count', stroke: 'series', curve: 'step-after', strokeWidth: 2 }),
            Plot.dot(points, { x: 'date', y: 'count', fill: 'series', title: (p) => `${p.series} by ${p.date.toISOString().slice(0, 10)}: ${p.count}` }),
          ],
        })
      }
    />
  );
}

/**
 * The cumulative "Due" and "Done" counts at each date a milestone fell due or was done, both starting at
 * 0 on the first date; "Done" runs on to today, so a flat stretch shows work stalling.
 */
export function burnUpSeries(milestones: { dueDate: string | null; doneAt: string | null }[], today = new Date().toISOString().slice(0, 10)) {
  const due = milestones.flatMap((m) => (m.dueDate ? [m.dueDate.slice(0, 10)] : [])).sort();
  const done = milestones.flatMap((m) => (m.doneAt ? [m.doneAt.slice(0, 10)] : [])).sort();
  const start = [...due, ...done].sort()[0];
  if (!start) return [];
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  const series = (name: 'Due' | 'Done', dates: string[], until?: string) => {
    const points = [{ series: name, date: at(start), count: 0 }, ...dates.map((d, i) => ({ series: name, date: at(d), count: i + 1 }))];
    if (until && until > (dates.at(-1) ?? start)) points.push({ series: name, date: at(until), count: dates.length });
    return points;
  };
  return [...series('Due', due), ...series('Done', done, today)];
}

/** A horizontal bar per label: the catalogue by stage or dataset, ideas by backing. */
export function Bars({ data, label, x, width = 640 }: { data: { label: string; value: number }[]; label: string; x: string; width?: number }) {
  return (
    <Chart
      label={label}
      deps={[data]}
      build={() =>
        Plot.plot({
          width,
          height: 40 + data.length * 26,
          marginLeft: Math.min(220, width / 2.5),
          x: { grid: true, label: x, tickFormat: 'd' },
          y: { label: null, domain: data.map((d) => d.label) },
          marks: [
            Plot.barX(data, { x: 'value', y: 'label', fill: '#1d70b8', title: (d) => `${d.label}: ${d.value}` }),
            Plot.text(data, { x: 'value', y: 'label', text: (d) => String(d.value), dx: 8, textAnchor: 'start' }),
            Plot.ruleX([0]),
          ],
        })
      }
    />
  );
}
