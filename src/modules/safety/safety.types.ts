/** What the inbound redaction removes. Values never leave this module; only kinds, counts and last fours. */
export type FindingKind = 'card_number' | 'security_code' | 'pin' | 'one_time_code' | 'ssn';

/** One entry per kind found. A card number may carry its last four digits (PCI DSS 3.4.1 allows them). */
export type Finding =
  | { kind: 'card_number'; count: number; last4: string[] }
  | { kind: Exclude<FindingKind, 'card_number'>; count: number };

export type Redaction = { text: string; findings: Finding[] };

/** What an agent reply must never ask a cardholder for. */
export type SensitiveRequestKind = 'card_number' | 'security_code' | 'pin' | 'one_time_code' | 'password';

export type SensitiveRequest = { kind: SensitiveRequestKind; reason: string };

/** The order findings are reported and named in. */
export const FINDING_ORDER: readonly FindingKind[] = ['card_number', 'security_code', 'pin', 'one_time_code', 'ssn'];
