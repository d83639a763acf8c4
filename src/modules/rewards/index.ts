// Public door of the rewards module: the Fastify plugin, the posting sync (for the periodic job) and the demo
// planting. Other modules never read the rewards tables.
export { rewardsRoutes } from './rewards.routes.ts';
export { syncRewards, rulesFor } from './post-points.ts';
export { computeEarnings, type Earning, type EarnTransaction } from './earn-engine.ts';
export { plantRewardsDemo } from './demo/plant-rewards-demo.ts';
export { startRewardsWorkers } from './workers.ts';
export { sweepRewards } from './sweep-rewards.ts';
