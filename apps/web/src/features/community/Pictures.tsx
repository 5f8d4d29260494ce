import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ToolStage, type AdoptionStatus, type AdoptionSummary, type AuthorityList, type IdeaSummary, type Milestone, type ToolList, type ToolSummary } from '@commons/domain';
import { api } from '../../api';
import { AdoptionMap, Bars, BurnUp, burnUpSeries, type MapAuthority } from '../../components/charts/charts';

/** Pictures with their data beside them, loaded in a chunk of their own (Observable Plot and d3) on first use. */

const STATUS_TEXT: Record<AdoptionStatus, string> = { uses: 'Uses', pilots: 'Pilots', interested: 'Interested', stopped: 'Stopped' };

function useAuthorities() {
  return useQuery({ queryKey: ['authorities'], queryFn: () => api<AuthorityList>('GET', '/api/authorities') }).data?.items;
}

function DataTable({ summary, head, rows }: { summary: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {head.map((h) => (
                <th key={h} scope="col" className="govuk-table__header">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((r, i) => (
              <tr key={i} className="govuk-table__row">
                {r.map((c, j) =>
                  j === 0 ? (
                    <th key={j} scope="row" className="govuk-table__header">
                      {c}
                    </th>
                  ) : (
                    <td key={j} className="govuk-table__cell">
                      {c}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Where one tool is used, pilotted, wanted or dropped, across the 153 authorities. */
export function ToolAdoptionPicture({ adoption, toolName }: { adoption: AdoptionSummary; toolName: string }) {
  const authorities = useAuthorities();
  if (!authorities) return null;
  const status = new Map(adoption.items.map((a) => [a.organisation.id, a.status]));
  const tiles: MapAuthority[] = authorities.map((a) => ({ id: a.id, name: a.name, region: a.region, status: status.get(a.id) ?? null }));
  const recorded = adoption.items.filter((a) => authorities.some((x) => x.id === a.organisation.id));
  return (
    <figure className="app-figure">
      <figcaption className="govuk-heading-s">Adoption across England</figcaption>
      <AdoptionMap authorities={tiles} mode="status" label={`Map of ${toolName}'s adoption by the 153 local authorities, grouped by region; the table below has the same data`} />
      <DataTable
        summary="Show the map as a table"
        head={['Authority', 'Region', 'Status']}
        rows={recorded.map((a) => [a.organisation.name, a.organisation.region ?? '', STATUS_TEXT[a.status]])}
      />
    </figure>
  );
}

/** How many shared tools each authority uses, for the home page. */
export function EnglandPicture() {
  const authorities = useAuthorities();
  if (!authorities) return null;
  const tiles: MapAuthority[] = authorities.map((a) => ({ id: a.id, name: a.name, region: a.region, count: a.uses.filter((u) => u.status === 'uses').length }));
  const using = authorities.filter((a) => a.uses.length > 0);
  return (
    <figure className="app-figure">
      <figcaption className="govuk-heading-m">Shared tools in use across England</figcaption>
      <p className="govuk-body">
        {using.length} of {authorities.length} local authorities record using or piloting at least one shared tool.{' '}
        <Link className="govuk-link" to="/authorities">
          See every authority
        </Link>
      </p>
      <AdoptionMap authorities={tiles} mode="count" label="Map of the 153 local authorities by region, shaded by how many shared tools each uses; the table below has the same data" />
      <DataTable summary="Show the map as a table" head={['Authority', 'Region', 'Tools used']} rows={using.map((a) => [a.name, a.region ?? '', a.uses.filter((u) => u.status === 'uses').length])} />
    </figure>
  );
}

/** The catalogue by stage and by dataset. */
export function CataloguePictures({ stageLabel }: { stageLabel: (s: ToolSummary['stage']) => string }) {
  const tools = useQuery({ queryKey: ['tools', 'list', 'limit=100'], queryFn: () => api<ToolList>('GET', '/api/tools?limit=100') }).data?.items;
  if (!tools) return null;
  const count = (keys: string[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>())].map(([label, value]) => ({ label, value }));
  const byStage = ToolStage.options.map((s) => ({ label: stageLabel(s), value: tools.filter((t) => t.stage === s).length })).filter((d) => d.value > 0);
  const byDataset = count(tools.flatMap((t) => t.datasets)).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)).slice(0, 12);
  return (
    <section aria-labelledby="glance">
    <h2 className="govuk-heading-m" id="glance">The catalogue at a glance</h2>
    <div className="govuk-grid-row">
      <figure className="app-figure govuk-grid-column-one-half">
        <figcaption className="govuk-heading-s">Tools by stage</figcaption>
        <Bars data={byStage} width={440} x="Tools" label="Bar chart of the catalogue's tools by stage; the table below has the same data" />
        <DataTable summary="Show as a table" head={['Stage', 'Tools']} rows={byStage.map((d) => [d.label, d.value])} />
      </figure>
      <figure className="app-figure govuk-grid-column-one-half">
        <figcaption className="govuk-heading-s">Tools by dataset</figcaption>
        <Bars data={byDataset} width={440} x="Tools" label="Bar chart of the catalogue's tools by the dataset they work with; the table below has the same data" />
        <DataTable summary="Show as a table" head={['Dataset', 'Tools']} rows={byDataset.map((d) => [d.label, d.value])} />
      </figure>
    </div>
    </section>
  );
}

/** An initiative's burn-up: milestones done against milestones due. */
export function BurnUpPicture({ milestones, title }: { milestones: Milestone[]; title: string }) {
  if (milestones.length === 0) return null;
  const points = burnUpSeries(milestones);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const dates = [...new Set(points.map((p) => day(p.date)))].sort();
  // the count of the series' last point on or before the date
  const at = (series: string, d: string) => points.filter((p) => p.series === series && day(p.date) <= d).at(-1)?.count ?? 0;
  return (
    <figure className="app-figure">
      <figcaption className="govuk-heading-s">Milestones done against due</figcaption>
      <BurnUp milestones={milestones} label={`Burn-up chart of ${title}: milestones due and done over time; the table below has the same data`} />
      <DataTable summary="Show as a table" head={['Date', 'Due by then', 'Done by then']} rows={dates.map((d) => [d, at('Due', d), at('Done', d)])} />
    </figure>
  );
}

/** The most backed needs and ideas. */
export function IdeasPicture({ ideas }: { ideas: IdeaSummary[] }) {
  const top = ideas.filter((i) => i.backing.authorities > 0).slice(0, 10);
  if (top.length === 0) return null;
  const data = top.map((i) => ({ label: i.title.length > 40 ? `${i.title.slice(0, 39)}…` : i.title, value: i.backing.authorities }));
  return (
    <figure className="app-figure">
      <figcaption className="govuk-heading-s">Most backed</figcaption>
      <Bars data={data} x="Authorities backing" label="Bar chart of the most backed needs and ideas by how many authorities back them; the table below has the same data" />
      <DataTable summary="Show as a table" head={['Need or idea', 'Authorities', 'Regions']} rows={top.map((i) => [i.title, i.backing.authorities, i.backing.regions])} />
    </figure>
  );
}
