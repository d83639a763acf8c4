import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { bucketLabel } from './dashboard-summary.ts';
import type { DashboardPoint } from './dashboard-types.ts';

type Row = { label: string; opened: number; sla: number | null; complaints: number | null };

const HEIGHT = 240;
const MARGIN = { top: 8, right: 16, bottom: 28, left: 24 };
const INK = '#1d4ed8';
const GOOD = '#047857';
const pctTick = (v: number) => `${v} %`;

function rows(series: DashboardPoint[], unit: 'day' | 'week'): Row[] {
  return series.map((p) => ({
    label: bucketLabel(p.start, unit).replace('week of ', ''),
    opened: p.casesOpened,
    sla: p.slaAttainment === null ? null : Math.round(p.slaAttainment * 100),
    complaints: p.complaintOnTime === null ? null : Math.round(p.complaintOnTime * 100),
  }));
}

/**
 * One chart: a titled figure whose picture is hidden from screen readers (its data is read from the summary
 * sentence and the table beside it), so nothing is said twice and nothing depends on seeing the bars.
 */
function Figure({ id, title, summary, isEmpty = false, children }: { id: string; title: string; summary: string; isEmpty?: boolean; children: React.ReactElement }) {
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption>
        <h3 id={`${id}-title`} className="chart__title">
          {title}
        </h3>
        <p id={`${id}-summary`} className="chart__summary">
          {summary}
        </p>
      </figcaption>
      {isEmpty ? (
        <p className="chart__empty">Nothing to chart in this period.</p>
      ) : (
        <div className="chart__plot" aria-hidden="true">
          <ResponsiveContainer width="100%" height={HEIGHT}>
            {children}
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

export function VolumeChart({ series, unit, summary }: { series: DashboardPoint[]; unit: 'day' | 'week'; summary: string }) {
  const axis = unit === 'week' ? 'Week starting' : 'Day';
  return (
    <Figure id="chart-volume" title={`Cases opened per ${unit}`} summary={summary}>
      <BarChart data={rows(series, unit)} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" label={{ value: axis, position: 'insideBottom', offset: -18 }} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} width={40} label={{ value: 'Cases opened', angle: -90, position: 'left', offset: 4, style: { textAnchor: 'middle' } }} />
        <Tooltip />
        <Bar dataKey="opened" name="Cases opened" fill={INK} isAnimationActive={false} />
      </BarChart>
    </Figure>
  );
}

export function RateChart({ id, title, dataKey, series, unit, summary }: { id: string; title: string; dataKey: 'sla' | 'complaints'; series: DashboardPoint[]; unit: 'day' | 'week'; summary: string }) {
  const axis = unit === 'week' ? 'Week starting' : 'Day';
  return (
    <Figure id={id} title={title} summary={summary} isEmpty={series.every((p) => (dataKey === 'sla' ? p.slaAttainment : p.complaintOnTime) === null)}>
      <LineChart data={rows(series, unit)} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" label={{ value: axis, position: 'insideBottom', offset: -18 }} interval="preserveStartEnd" />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={pctTick} width={52} label={{ value: 'Share on time', angle: -90, position: 'left', offset: 4, style: { textAnchor: 'middle' } }} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? `${v} %` : 'no data')} />
        <Line type="monotone" dataKey={dataKey} name={title} stroke={dataKey === 'sla' ? INK : GOOD} strokeWidth={2.5} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </Figure>
  );
}
