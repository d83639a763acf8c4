import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { type IsoDate, localDate } from '../calendars/index.ts';
import { bucketStarts, caseDashboard, type DashboardRange, dashboardRange, type DashboardUnit } from '../cases/index.ts';
import type { ComplaintDeps, RequestMeta } from './complaint-deps.ts';
import { COMPLAINT_STATES } from './complaint.machine.ts';
import { type ComplaintRow, type ComplaintSeriesRow, complaintSeries, listComplaints } from './complaints.repo.ts';

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/**
 * Pure: one point per bucket (empty buckets included, so a chart's axis has no gaps) with case volume, SLA
 * attainment (cases opened without a breach so far ÷ cases opened) and complaint timeliness (answered by the
 * response due date ÷ responses due so far). A rate is null when nothing was due: "no data", not 0 % or 100 %.
 */
export function mergeSeries(starts: IsoDate[], cases: Array<{ bucket: string; opened: number; withinSla: number }>, complaints: ComplaintSeriesRow[]) {
  return starts.map((start) => {
    const c = cases.find((r) => r.bucket === start) ?? { opened: 0, withinSla: 0 };
    const k = complaints.find((r) => r.bucket === start) ?? { due: 0, onTime: 0 };
    return { start, casesOpened: c.opened, casesWithinSla: c.withinSla, slaAttainment: rate(c.withinSla, c.opened), complaintsDue: k.due, complaintsOnTime: k.onTime, complaintOnTime: rate(k.onTime, k.due) };
  });
}

type Clock = 'acknowledgment' | 'response' | 'final';

/** Pure: the earliest deadline a complaint still owes, and which clock it is; null when every clock is done. */
export function nextDeadline(row: Pick<ComplaintRow, 'ack_due_on' | 'acknowledged_on' | 'response_due_on' | 'responded_on' | 'final_due_on' | 'closed_on'>): { clock: Clock; dueOn: IsoDate } | null {
  const open: Array<{ clock: Clock; dueOn: IsoDate }> = [];
  if (row.ack_due_on && !row.acknowledged_on) open.push({ clock: 'acknowledgment', dueOn: row.ack_due_on });
  if (!row.responded_on) open.push({ clock: 'response', dueOn: row.response_due_on });
  if (!row.closed_on) open.push({ clock: 'final', dueOn: row.final_due_on });
  return open.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}

/** Pure: open complaints by their next deadline, soonest (and overdue) first, with a count per due date. */
export function complaintsByDueDate(rows: ComplaintRow[], today: IsoDate) {
  const items = rows
    .filter((r) => r.status !== 'closed')
    .flatMap((r) => {
      const next = nextDeadline(r);
      return next ? [{ id: r.id, caseId: r.case_id, category: r.category, channel: r.channel, status: r.status, statusLabel: COMPLAINT_STATES[r.status].label, nextClock: next.clock, nextDueOn: next.dueOn, overdue: next.dueOn < today }] : [];
    })
    .sort((a, b) => a.nextDueOn.localeCompare(b.nextDueOn) || a.id.localeCompare(b.id));
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.nextDueOn, (counts.get(i.nextDueOn) ?? 0) + 1);
  return { open: items.length, overdue: items.filter((i) => i.overdue).length, byDueDate: [...counts].map(([dueOn, count]) => ({ dueOn, count })), items: items.slice(0, 50) };
}

export type DashboardQuery = { days?: number | undefined; unit?: DashboardUnit | undefined };

/** `GET /api/v1/staff/dashboard`: the supervisor dashboard (issue 4, item 7). Reading it is audited. */
export async function readDashboard(d: ComplaintDeps, actor: StaffActor, query: DashboardQuery, meta: RequestMeta) {
  const now = d.cases.clock.now();
  const today = localDate(now, d.timeZone);
  const range: DashboardRange = dashboardRange(today, query.days ?? 28, query.unit);
  const starts = bucketStarts(range);
  const cases = await caseDashboard(d.cases, range);
  const open = await listComplaints(d.cases.db, { statuses: ['received', 'acknowledged', 'responded'] });
  const complaintPoints = await complaintSeries(d.cases.db, { unit: range.unit, from: starts[0]!, to: range.to, today });
  await recordAudit(d.cases.db, { action: 'dashboard.read', actorId: actor.userId, actorRole: actor.role, targetType: 'dashboard', targetId: null, requestId: meta.requestId, ip: meta.ip, at: now, detail: { days: query.days ?? 28, unit: range.unit } });
  return {
    asOf: today,
    generatedAt: now.toISOString(),
    range,
    escalated: cases.escalated,
    breached: cases.breached,
    atRisk: cases.atRisk,
    complaints: complaintsByDueDate(open, today),
    series: mergeSeries(starts, cases.series, complaintPoints),
  };
}
