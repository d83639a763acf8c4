/**
 * Public door of the SLA clocks: work calendars, working-time arithmetic and `computeSla`, all pure.
 * The case engine records SLA events and calls `computeSla(policy, calendar, history, clock.now())`.
 */
export { computeSla } from './compute-sla.ts';
export { isAtRisk, type RiskThreshold } from './sla-clock.ts';
export {
  parseSlaPolicy,
  SLA_TARGETS,
  type SlaClock,
  type SlaEvent,
  type SlaEventType,
  type SlaPolicy,
  type SlaStatus,
  type SlaTargetName,
} from './sla-policy.ts';
export { parseWorkCalendar, type WorkCalendar, type WorkWindow } from './work-calendar.ts';
export { addWorkingTime, isWorkingTime, nextWorkingInstant, workingMinutesBetween } from './working-time.ts';
