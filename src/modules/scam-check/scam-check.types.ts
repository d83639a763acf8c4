/** What the scam check answers (DESIGN capability 12). Codes are API contract: add new ones, never rename. */

export type Verdict = 'official' | 'not_official' | 'lookalike' | 'suspicious' | 'unknown';

/** Which part of the request a reason is about. */
export type Field = 'phone' | 'email' | 'url' | 'text';

export const REASON_CODES = [
  // phone numbers
  'official_phone',
  'phone_not_official',
  'phone_near_miss',
  'phone_other_country_code',
  'phone_premium_rate',
  'phone_other_country',
  'phone_looks_domestic',
  'phone_invalid',
  'card_number_not_phone',
  // e-mail addresses
  'official_email',
  'official_email_domain',
  'email_not_official_channel',
  'email_invalid',
  'email_not_official',
  'free_email_provider',
  'brand_in_address',
  // domains and links
  'official_domain',
  'domain_not_official',
  'lookalike_domain',
  'homoglyph_domain',
  'mixed_scripts',
  'internationalized_domain',
  'brand_in_subdomain',
  'brand_in_domain',
  'brand_in_path',
  'tld_swap',
  'credentials_in_url',
  'ip_address_host',
  'not_https',
  'url_shortener',
  'unusual_port',
  'unsafe_scheme',
  'url_invalid',
  'no_registrable_domain',
  'redirect_to_other_site',
  // pasted messages
  'asks_for_card_number',
  'asks_for_security_code',
  'asks_for_pin',
  'asks_for_one_time_code',
  'asks_for_password',
  'asks_for_personal_data',
  'asks_to_verify_details',
  'urgency_pressure',
  'threatens_account',
  'asks_to_move_money',
  'asks_for_gift_cards',
  'asks_for_unusual_payment',
  'asks_to_install_remote_access',
  'too_good_to_be_true',
  'card_data_in_message',
  'no_warning_signs',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type Reason = { code: ReasonCode; message: string; field: Field };

/** A reason with the verdict it points to on its own; `checkScam` combines them. */
export type Finding = Reason & { implies: Verdict };

export type ScamCheckInput = { phone?: string; email?: string; url?: string; text?: string };

export type Hotline = { productLine: string; name: string; phone: string; display: string };

export type WhatToDo = { summary: string; steps: string[]; hotline: Hotline };

export type ScamCheckResult = {
  verdict: Verdict;
  reasons: Reason[];
  checked: { phone?: string; email?: string; url?: string };
  whatToDo: WhatToDo;
};

/** How strongly a verdict warns; the answer for several fields is the strongest. */
export const VERDICT_RANK: Record<Verdict, number> = { official: 0, unknown: 1, not_official: 2, suspicious: 3, lookalike: 4 };

export function strongest(verdicts: Iterable<Verdict>, fallback: Verdict = 'unknown'): Verdict {
  let best: Verdict | null = null;
  for (const v of verdicts) if (best === null || VERDICT_RANK[v] > VERDICT_RANK[best]) best = v;
  return best ?? fallback;
}
