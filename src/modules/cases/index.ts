// Public door of the cases module: the case engine and the Secure Message Center.
export { casesRoutes, caseDepsFrom } from './cases.routes.ts';
export { staffToolsRoutes } from './staff-tools.routes.ts';
export { liveRoutes } from './live.routes.ts';
export { startCaseWorkers } from './workers.ts';
export { sweepSla } from './sla-sweep.ts';
export { backfillAssignments } from './assignment.ts';
export { loadServicePolicy, parseServicePolicy, ServicePolicyError, type ServicePolicy, type Priority, type CaseType, type Channel } from './service-policy.ts';
export { createRulePrioritizer, type Prioritizer, type PriorityResult } from './prioritize.ts';
export { CASE_STATES, type CaseState } from './case.machine.ts';
