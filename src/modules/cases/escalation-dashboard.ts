import { addCalendarDays, instantAt, type IsoDate, isoWeekday, localDate } from '../calendars/index.ts';
import type { CaseDeps } from './case-deps.ts';
import type { CaseListRow } from './cases.repo.ts';
import { listSlaView, staffCaseSummaryView } from './cases.view.ts';
import { caseSeries, listBreachedCases, listCasesDueBefore, listEscalatedCases } from './escalation-dashboard.repo.ts';

export type DashboardUnit = 'day' | 'week';
export type DashboardRange = { unit: DashboardUnit; from: IsoDate; to: IsoDate };

/** Pure: the buckets a range covers, each by its first day (ISO weeks start on Monday), oldest first. */
export function bucketStarts(range: DashboardRange): IsoDate[] {
  const first = range.unit === 'week' ? addCalendarDays(range.from, 1 - isoWeekday(range.from)) : range.from;
  const step = range.unit === 'week' ? 7 : 1;
  const out: IsoDate[] = [];
  for (let d = first; d <= range.to; d = addCalendarDays(d, step)) out.push(d);
  return out;
}

/** Pure: the last `days` days up to `today`, in days (up to 31) or weeks. */
export function dashboardRange(today: IsoDate, days: number, unit?: DashboardUnit): DashboardRange {
  return { unit: unit ?? (days <= 31 ? 'day' : 'week'), from: addCalendarDays(today, 1 - days), to: today };
}

function item(deps: CaseDeps, row: CaseListRow, now: Date) {
  const view = staffCaseSummaryView(deps.policy, row, now);
  const clocks = [view.sla.firstResponse, view.sla.nextResponse, view.sla.resolution];
  const due = clocks.map((c) => c.dueAt).filter((d): d is string => d !== null).sort()[0] ?? null;
  return {
    id: view.id,
    number: view.number,
    subject: view.subject,
    customerName: view.customerName,
    queue: view.queue,
    priority: view.priority,
    status: view.status,
    escalation: view.escalation,
    assignee: view.assignee,
    slaPolicy: view.sla.policy,
    nextDueAt: due,
    breached: clocks.some((c) => c.breached),
    atRisk: clocks.some((c) => c.atRisk),
  };
}
export type DashboardCase = ReturnType<typeof item>;

/**
 * The case half of the supervisor dashboard (issue 4, item 7): escalated cases, SLA breaches, cases at risk
 * (the service policy's warning fraction, on working time), and per-bucket volume and SLA attainment.
 */
export async function caseDashboard(deps: CaseDeps, range: DashboardRange) {
  const now = deps.clock.now();
  const tz = deps.profile.issuer.timeZone;
  const [escalated, breached, soon, series] = await Promise.all([
    listEscalatedCases(deps.db),
    listBreachedCases(deps.db, now),
    listCasesDueBefore(deps.db, now, new Date(now.getTime() + 7 * 86_400_000)),
    caseSeries(deps.db, { unit: range.unit, timeZone: tz, from: new Date(instantAt(bucketStarts(range)[0]!, 0, tz)), to: new Date(instantAt(addCalendarDays(range.to, 1), 0, tz)), now }),
  ]);
  const atRisk = soon.filter((row) => Object.values(listSlaView(deps.policy, row, now)).some((c) => typeof c === 'object' && c.atRisk));
  return {
    today: localDate(now, tz),
    escalated: escalated.map((r) => item(deps, r, now)),
    breached: breached.map((r) => item(deps, r, now)),
    atRisk: atRisk.slice(0, 50).map((r) => item(deps, r, now)),
    series,
  };
}
