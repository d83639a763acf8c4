import { stringify } from 'csv-stringify/sync';
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { type IsoDate, localDate } from '../calendars/index.ts';
import { onTimeRate } from './complaint-clocks.ts';
import type { ComplaintDeps, RequestMeta } from './complaint-deps.ts';
import { type ComplaintViewT, complaintView, nextOpenDue } from './complaint.view.ts';
import { type ComplaintRow, listComplaints, type RegisterFilter } from './complaints.repo.ts';

export type RegisterQuery = { status?: string | undefined; category?: string | undefined; productLine?: string | undefined; channel?: string | undefined; source?: string | undefined; customerId?: string | undefined; dueBefore?: string | undefined; overdue?: boolean | undefined };

/** Pure: the register's rows on `today` after the deadline filters, and the on-time rates over those rows. */
export function buildRegister(rows: ComplaintRow[], query: Pick<RegisterQuery, 'dueBefore' | 'overdue'>, today: IsoDate) {
  const items = rows
    .filter((r) => !query.dueBefore || ((d) => d !== null && d < query.dueBefore!)(nextOpenDue(r)))
    .map((r) => complaintView(r, today))
    .filter((v) => query.overdue === undefined || v.overdue === query.overdue);
  return {
    asOf: today,
    items,
    onTime: {
      acknowledgment: onTimeRate(items.map((i) => i.clocks.acknowledgment)),
      response: onTimeRate(items.map((i) => i.clocks.response)),
      final: onTimeRate(items.map((i) => i.clocks.final)),
    },
  };
}

export async function readRegister(d: ComplaintDeps, actor: StaffActor, query: RegisterQuery, meta: RequestMeta, action: 'complaint.list' | 'complaint.export' = 'complaint.list') {
  const filter: RegisterFilter = {};
  if (query.status) filter.statuses = query.status.split(',');
  if (query.category) filter.category = query.category;
  if (query.productLine) filter.productLine = query.productLine;
  if (query.channel) filter.channel = query.channel;
  if (query.source) filter.source = query.source;
  if (query.customerId) filter.customerId = query.customerId;
  const now = d.cases.clock.now();
  const rows = await listComplaints(d.cases.db, filter);
  const register = buildRegister(rows, query, localDate(now, d.timeZone));
  await recordAudit(d.cases.db, { action, actorId: actor.userId, actorRole: actor.role, targetType: 'complaint_register', targetId: null, requestId: meta.requestId, ip: meta.ip, at: now, detail: { filter: query, rows: register.items.length } });
  return register;
}

const COLUMNS: Array<[string, (v: ComplaintViewT) => string | null]> = [
  ['complaint_id', (v) => v.id],
  ['case_id', (v) => v.caseId],
  ['customer_id', (v) => v.customerId],
  ['source', (v) => v.source],
  ['channel', (v) => v.channel],
  ['category', (v) => v.category],
  ['product_line', (v) => v.productLine],
  ['status', (v) => v.status],
  ['received_on', (v) => v.receivedOn],
  ['acknowledgment_due', (v) => v.dueDates.acknowledgment],
  ['acknowledged_at', (v) => v.acknowledgedAt],
  ['acknowledgment_clock', (v) => v.clocks.acknowledgment],
  ['response_due', (v) => v.dueDates.response],
  ['responded_at', (v) => v.respondedAt],
  ['response_clock', (v) => v.clocks.response],
  ['final_due', (v) => v.dueDates.final],
  ['closed_at', (v) => v.closedAt],
  ['final_clock', (v) => v.clocks.final],
  ['root_cause', (v) => v.rootCause],
  ['portal_complaint_id', (v) => v.portalComplaintId],
  ['regulator_product', (v) => v.regulatorProduct],
  ['regulator_response', (v) => v.regulatorResponse],
];

/** A spreadsheet must not run a cell as a formula (CSV injection): text starting with = + - @ is quoted with '. */
function cell(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted (csv-stringify). */
export function registerCsv(items: ComplaintViewT[]): string {
  return stringify([COLUMNS.map(([h]) => h), ...items.map((v) => COLUMNS.map(([, get]) => cell(get(v))))], { record_delimiter: 'windows' });
}
