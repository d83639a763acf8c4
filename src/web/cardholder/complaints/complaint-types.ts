/** The complaint API's shapes the web app reads (server: src/modules/complaints/complaints.schema.ts). */
export type ComplaintOptions = {
  categories: Array<{ id: string; label: string }>;
  rootCauses: Array<{ id: string; label: string }>;
  clocks: { acknowledgmentBusinessDays: number; responseCalendarDays: number; finalCalendarDays: number };
};

export type Clock = 'on_time' | 'late' | 'overdue' | 'pending' | 'none';

export type Complaint = {
  id: string;
  caseId: string;
  customerId: string;
  source: string;
  channel: string;
  category: string;
  productLine: string;
  status: string;
  statusLabel: string;
  desiredOutcome: string | null;
  receivedAt: string;
  receivedOn: string;
  dueDates: { acknowledgment: string | null; response: string; final: string };
  acknowledgedAt: string | null;
  respondedAt: string | null;
  closedAt: string | null;
  rootCause: string | null;
  portalComplaintId: string | null;
  clocks: { acknowledgment: Clock; response: Clock; final: Clock };
  overdue: boolean;
};
