// Public door of the reviews module: account reviews (holds), document requests, the sweep and the rule hook.
export { reviewsRoutes } from './reviews.routes.ts';
export { startReviewWorkers } from './workers.ts';
export { sweepReviews, type ReviewSweepReport } from './sweep-reviews.ts';
export { openReviewByRule, reviewHeldDemoAccount, type RuleHold } from './review-rules.ts';
export { estimateReviewTime, median, percentile, type PastReview, type ReviewEstimate } from './estimate-review-time.ts';
