/**
 * Chargeback reason codes by network profile, as data. The default profile is American Express (REFERENCE.md,
 * "Disputes"; check the network's current guide before relying on a code). A reason with no fitting code maps
 * to null: the issuer handles it without a network chargeback (e.g. an ATM misdispense on its own ATM).
 * LIMITATION: the profile lives here, not in config/issuer-profile.json, because that file's schema is owned by
 * the directory module; moving it there is a one-line change to `networkProfileFor`.
 */
import type { DisputeReason } from './dispute-reasons.ts';

export type NetworkProfile = { readonly network: string; readonly aliases: readonly string[]; readonly codes: Readonly<Record<DisputeReason, string | null>> };

export const AMEX_PROFILE: NetworkProfile = {
  network: 'amex',
  aliases: ['amex', 'american express'],
  codes: {
    unauthorized_card_present: 'F24', // no cardmember authorization
    unauthorized_card_not_present: 'F29', // card not present
    not_received: 'C08', // goods/services not received
    not_as_described: 'C31', // not as described
    cancelled: 'C05', // goods/services cancelled
    cancelled_recurring: 'C28', // cancelled recurring billing
    duplicate: 'P08', // duplicate charge
    incorrect_amount: 'P05', // incorrect charge amount
    refund_not_processed: 'C02', // credit not processed
    paid_by_other_means: 'C14', // paid by other means
    atm_misdispense: null,
    processing_error: 'A02', // no valid authorization
    other: null,
  },
};

export const NETWORK_PROFILES: readonly NetworkProfile[] = [AMEX_PROFILE];

/** The card network's profile, or the default (American Express) when the network has none. */
export function networkProfileFor(network: string | null | undefined): NetworkProfile {
  const key = (network ?? '').trim().toLowerCase();
  return NETWORK_PROFILES.find((p) => p.network === key || p.aliases.includes(key)) ?? AMEX_PROFILE;
}
