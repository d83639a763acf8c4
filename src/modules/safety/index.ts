/**
 * Card-data safety (DESIGN capability 12): redaction of everything a cardholder sends us and refusal of agent
 * replies that ask for what staff must never ask for. PCI DSS 3.3.1 / 3.4.1 / 3.5.1.
 */
export { cardholderNotice } from './cardholder-notice.ts';
export { detectOutboundSensitiveRequest, OUTBOUND_SENSITIVE_REQUEST, refusalReason } from './detect-outbound-request.ts';
export { REMOVED, redactInbound } from './redact-inbound.ts';
export type { Finding, FindingKind, Redaction, SensitiveRequest, SensitiveRequestKind } from './safety.types.ts';
