/**
 * Scam check (DESIGN capability 12): does a phone number, e-mail address, web address or pasted message really
 * come from the issuer? Public door: the route plugin and the pure check.
 */
export { checkScam } from './check-scam.ts';
export { SCAM_CHECK_LIMITS } from './scam-check.schema.ts';
export { SCAM_CHECK_RATE_ENV, scamCheckRateFromEnv, scamCheckRoutes, type ScamCheckOptions } from './scam-check.routes.ts';
export { REASON_CODES } from './scam-check.types.ts';
export type { Reason, ReasonCode, ScamCheckInput, ScamCheckResult, Verdict } from './scam-check.types.ts';

/** The help-center article for this page (markdown with front matter), slug "scam-check". */
export const SCAM_CHECK_ARTICLE_PATH = new URL('./article.md', import.meta.url);
