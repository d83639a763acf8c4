// Public door of the disputes module: the Fastify plugin, the pure regulatory library and the data other
// modules may read (reasons, network profiles and states). Other modules never read the disputes tables.
export { disputesRoutes } from './disputes.routes.ts';
export { DISPUTE_REASONS, type DisputeReason } from './dispute-reasons.ts';
export { NETWORK_PROFILES, networkProfileFor, type NetworkProfile } from './network-profiles.ts';
export { NETWORK_STATES, type NetworkState } from './network.machine.ts';
export * as regulation from './regulation/index.ts';
export { startDisputeWorkers, sweepDisputeDeadlines } from './sweep-deadlines.ts';
export { withCalendar } from './dispute-deps.ts';
