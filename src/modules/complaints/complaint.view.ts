import type { IsoDate } from '../calendars/index.ts';
import { type ClockOutcome, clockOutcome } from './complaint-clocks.ts';
import { COMPLAINT_STATES } from './complaint.machine.ts';
import type { ComplaintRow } from './complaints.repo.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The three clocks of a complaint on `today` (the issuer's local date). */
export function complaintClocks(row: ComplaintRow, today: IsoDate): { acknowledgment: ClockOutcome; response: ClockOutcome; final: ClockOutcome } {
  return {
    acknowledgment: clockOutcome(row.ack_due_on, row.acknowledged_on, today),
    response: clockOutcome(row.response_due_on, row.responded_on, today),
    final: clockOutcome(row.final_due_on, row.closed_on, today),
  };
}

/** The earliest deadline still open (undone), for "due before" filters; null when every clock is done. */
export function nextOpenDue(row: ComplaintRow): IsoDate | null {
  const open = [
    row.acknowledged_on ? null : row.ack_due_on,
    row.responded_on ? null : row.response_due_on,
    row.closed_on ? null : row.final_due_on,
  ].filter((d): d is string => d !== null);
  return open.sort()[0] ?? null;
}

export function complaintView(row: ComplaintRow, today: IsoDate) {
  const clocks = complaintClocks(row, today);
  return {
    id: row.id,
    caseId: row.case_id,
    customerId: row.customer_id,
    source: row.source,
    channel: row.channel,
    category: row.category,
    productLine: row.product_line,
    status: row.status,
    statusLabel: COMPLAINT_STATES[row.status].label,
    desiredOutcome: row.desired_outcome,
    receivedAt: row.received_at.toISOString(),
    receivedOn: row.received_on,
    dueDates: { acknowledgment: row.ack_due_on, response: row.response_due_on, final: row.final_due_on },
    acknowledgedAt: iso(row.acknowledged_at),
    respondedAt: iso(row.responded_at),
    closedAt: iso(row.closed_at),
    rootCause: row.root_cause,
    portalComplaintId: row.portal_complaint_id,
    regulatorProduct: row.regulator_product,
    regulatorResponse: row.regulator_response,
    clocks,
    overdue: Object.values(clocks).includes('overdue'),
  };
}
export type ComplaintViewT = ReturnType<typeof complaintView>;
