import type { DashboardPoint } from './dashboard-types.ts';

const pct = (part: number, whole: number) => Math.round((part / whole) * 100);
const SHORT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Jun 15" for a day bucket, "week of Jun 15" for a week bucket (dates are calendar days, read as UTC noon). */
export function bucketLabel(start: string, unit: 'day' | 'week'): string {
  const day = SHORT.format(new Date(`${start}T12:00:00Z`));
  return unit === 'week' ? `week of ${day}` : day;
}

/**
 * What each chart shows, in one sentence a screen reader can read (and anyone can, instead of reading the
 * bars). Totals are summed over the range, so "4 of 5" is a hand-checkable figure, not an average of averages.
 */
export function summarize(series: DashboardPoint[], unit: 'day' | 'week') {
  const opened = series.reduce((n, p) => n + p.casesOpened, 0);
  const within = series.reduce((n, p) => n + p.casesWithinSla, 0);
  const due = series.reduce((n, p) => n + p.complaintsDue, 0);
  const onTime = series.reduce((n, p) => n + p.complaintsOnTime, 0);
  const busiest = series.reduce<DashboardPoint | null>((best, p) => (p.casesOpened > (best?.casesOpened ?? 0) ? p : best), null);
  const worst = series.filter((p) => p.slaAttainment !== null).reduce<DashboardPoint | null>((w, p) => (w === null || (p.slaAttainment ?? 1) < (w.slaAttainment ?? 1) ? p : w), null);
  const the = unit === 'week' ? 'the ' : '';
  const period = series.length ? `between ${the}${bucketLabel(series[0]!.start, unit)} and ${the}${bucketLabel(series.at(-1)!.start, unit)}` : 'in this period';
  return {
    volume: opened === 0 ? `No cases were opened ${period}.` : `${opened} case${opened === 1 ? ' was' : 's were'} opened ${period}; the busiest ${unit} was ${bucketLabel(busiest!.start, unit)} with ${busiest!.casesOpened}.`,
    sla:
      opened === 0
        ? 'No SLA attainment to show: no cases were opened.'
        : `${within} of ${opened} cases (${pct(within, opened)} %) have stayed within their service levels${worst && worst.slaAttainment !== null && worst.slaAttainment < 1 ? `; the lowest was ${Math.round(worst.slaAttainment * 100)} % in the ${unit} of ${bucketLabel(worst.start, 'day')}` : ''}.`,
    complaints: due === 0 ? 'No complaint responses have fallen due in this period.' : `${onTime} of ${due} complaint responses due (${pct(onTime, due)} %) were sent on time.`,
  };
}
