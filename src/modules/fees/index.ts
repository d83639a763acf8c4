// Public door of the fees module: annual-fee refund quotes, requests and approvals (issue 6, item 2).
export { feesRoutes } from './fees.routes.ts';
export { quoteFeeRefund, sameDayNextYear, type BenefitUse, type FeeRefundPolicy, type FeeRefundQuote, type QuoteLine } from './quote-fee-refund.ts';
export { BENEFIT_REFERENCE_PREFIX, DEFAULT_FEE_REFUND_POLICY, feePolicyFor } from './fee-facts.ts';
