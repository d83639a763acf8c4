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
export { escalationRoutes } from './escalation.routes.ts';
export { escalateRow, escalationBlocker, SUPERVISOR_QUEUE, type EscalationActor } from './escalate-case.ts';
export { detectRightsInvoked, applyRightsInvoked, nextStepsFor, RIGHTS_PHRASES, type RightsInvoked, type NextSteps } from './rights-words.ts';
export { prepareServiceCase, writeServiceCase, findCaseForLink, type ServiceCaseInput, type OpenedServiceCase } from './open-service-case.ts';
export { appendCaseEvents, caseTimeline, type CaseNote } from './case-links.ts';
export { prepareReply, writeReply } from './post-reply.ts';
export type { CaseDeps, RequestMeta } from './case-deps.ts';
export { openSystemCase, type SystemCaseInput, type OpenedSystemCase } from './open-system-case.ts';
