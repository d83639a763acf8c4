/**
 * Merchants that charge the card about once a month (subscriptions, utilities): after a card is replaced the
 * cardholder must give them the new card. Pure: a merchant counts when its charges fall in at least
 * MIN_MONTHS different months, consecutive charges are 25–35 days apart, and the last one is recent enough
 * that the next is still coming.
 */
export const MIN_MONTHS = 2;
const MIN_GAP_DAYS = 25;
const MAX_GAP_DAYS = 35;
const STILL_ACTIVE_DAYS = 40;
const DAY_MS = 86_400_000;

export type ChargeFact = { merchantName: string | null; amountCents: number; authorizedAt: Date; kind: string; direction: 'debit' | 'credit'; status: string };
export type RecurringMerchant = { merchantName: string; typicalAmountCents: number; lastChargedAt: string; nextExpectedAround: string; charges: number };

export function recurringMerchants(charges: readonly ChargeFact[], now: Date): RecurringMerchant[] {
  const byMerchant = new Map<string, ChargeFact[]>();
  for (const c of charges) {
    if (!c.merchantName || c.kind !== 'purchase' || c.direction !== 'debit' || (c.status !== 'posted' && c.status !== 'authorized')) continue;
    const list = byMerchant.get(c.merchantName) ?? [];
    list.push(c);
    byMerchant.set(c.merchantName, list);
  }
  const out: RecurringMerchant[] = [];
  for (const [merchantName, list] of byMerchant) {
    list.sort((a, b) => a.authorizedAt.getTime() - b.authorizedAt.getTime());
    const months = new Set(list.map((c) => c.authorizedAt.toISOString().slice(0, 7)));
    if (months.size < MIN_MONTHS || list.length < MIN_MONTHS) continue;
    const monthly = list.slice(1).every((c, i) => {
      const gap = (c.authorizedAt.getTime() - list[i]!.authorizedAt.getTime()) / DAY_MS;
      return gap >= MIN_GAP_DAYS && gap <= MAX_GAP_DAYS;
    });
    const last = list.at(-1)!;
    if (!monthly || now.getTime() - last.authorizedAt.getTime() > STILL_ACTIVE_DAYS * DAY_MS) continue;
    const amounts = list.map((c) => c.amountCents).sort((a, b) => a - b);
    out.push({
      merchantName,
      typicalAmountCents: amounts[Math.floor(amounts.length / 2)]!,
      lastChargedAt: last.authorizedAt.toISOString(),
      nextExpectedAround: new Date(last.authorizedAt.getTime() + 30 * DAY_MS).toISOString().slice(0, 10),
      charges: list.length,
    });
  }
  return out.sort((a, b) => a.merchantName.localeCompare(b.merchantName));
}
