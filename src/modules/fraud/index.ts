// Public door of the fraud module: the rules engine (pure), the authorization feed and fraud alerts.
export { fraudRoutes } from './fraud.routes.ts';
export { buildProfile, type CardholderProfile, type HistoryItem } from './cardholder-profile.ts';
export { type AuthorizationFacts, type Evaluation, evaluateAuthorization, explain, type FraudReason, verdictFor } from './evaluate-authorization.ts';
export { compileRules, type CompiledRules, FRAUD_RULES_PATH, type FraudRulesConfig, loadFraudRules, parseFraudRules } from './fraud-rules.ts';
export { recurringMerchants, type RecurringMerchant } from './recurring-merchants.ts';
