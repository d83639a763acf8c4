// Public door of the complaints module: formal and regulator complaints with their clocks, the register,
// callback requests. Built on the cases module's public door.
export { complaintsRoutes, type ComplaintsOptions } from './complaints.routes.ts';
export { complaintDueDates, clockOutcome, onTimeRate, receiptDate, type DueDates, type ClockOutcome, type OnTime } from './complaint-clocks.ts';
export { loadComplaintPolicy, parseComplaintPolicy, type ComplaintPolicy } from './complaint-policy.ts';
export { COMPLAINT_STATES, type ComplaintState } from './complaint.machine.ts';
