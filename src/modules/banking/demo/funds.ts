import { at, dayOf } from './calendar.ts';
import { declined, merchantNumber } from './activity.ts';
import type { Rng } from './prng.ts';
import { type AccountPlan, type DemoWindow, type IdSource, ledgerEntry, type TxnRow } from './rows.ts';

// Accounts that hold the cardholder's money: prepaid and gift cards, savings, merchant settlement accounts.

const masked = (rng: Rng) => `••${String(rng.int(1000, 9999))}`;

/**
 * Prepaid and gift cards spend only what they hold: walking the authorizations in time order, one the balance
 * cannot cover is declined (and a refund of a declined purchase never happens). A gift card that came up
 * short is put away: nothing more is tried on it.
 */
export function enforceFunds(plan: AccountPlan, rows: TxnRow[], options: { putAwayWhenShort: boolean }): TxnRow[] {
  const sorted = [...rows].sort((a, b) => a.authorized_at.getTime() - b.authorized_at.getTime() || (a.id < b.id ? -1 : 1));
  let balance = plan.habits.startBalanceCents;
  const dropped = new Set<string>();
  const out: TxnRow[] = [];
  let putAway = false;
  for (const row of sorted) {
    if (row.refund_of && dropped.has(row.refund_of)) continue;
    if (putAway && row.direction === 'debit') {
      dropped.add(row.id);
      continue;
    }
    if (row.status === 'declined') {
      out.push(row);
      continue;
    }
    if (row.direction === 'credit') balance += row.amount_cents;
    else if (row.amount_cents > balance) {
      dropped.add(row.id);
      out.push(declined(row, 'insufficient_funds'));
      putAway = options.putAwayWhenShort;
      continue;
    } else balance -= row.amount_cents;
    out.push(row);
  }
  return out;
}

/** Prepaid reloads (payroll every two weeks) and ATM withdrawals. */
export function prepaidFunding(rng: Rng, ids: IdSource, window: DemoWindow, plan: AccountPlan, startDay: number): TxnRow[] {
  const rows: TxnRow[] = [];
  const employer = `${plan.person.businessName.split(' ')[0]} Payroll`;
  for (let day = startDay + rng.int(0, 13); day <= window.asOfDay; day += 14) {
    const when = at(day, 11 * 60 + rng.int(0, 59));
    if (when.getTime() > window.asOf.getTime()) break;
    rows.push(ledgerEntry(ids, plan.account, { kind: 'deposit', direction: 'credit', cents: rng.int(150, 600) * 100, description: `Direct deposit – ${employer}`, at: when }));
  }
  for (let day = startDay + rng.int(3, 20); day <= window.asOfDay; day += rng.int(20, 40)) {
    const span = plan.spans[0];
    const when = at(day, 16 * 60 + rng.int(0, 300));
    if (!span || when.getTime() > window.asOf.getTime()) break;
    const atm = `Neighborhood ATM ${plan.person.city.name}`;
    rows.push({
      ...ledgerEntry(ids, plan.account, { kind: 'withdrawal', direction: 'debit', cents: rng.int(2, 10) * 2_000, description: `ATM WITHDRAWAL ${plan.person.city.name.toUpperCase()} ${plan.person.city.region}`, at: when }),
      card_id: span.cardId,
      merchant_name: atm,
      merchant_id: merchantNumber(atm, plan.person.city.name),
      mcc: '6011',
      merchant_country: 'US',
      card_present: true,
    });
  }
  return rows;
}

/** Savings: transfers in once or twice a month, a withdrawal every few months. Interest is paid at cycle close. */
export function savingsActivity(rng: Rng, ids: IdSource, window: DemoWindow, plan: AccountPlan, startDay: number): TxnRow[] {
  const rows: TxnRow[] = [];
  const linked = masked(rng);
  let balance = plan.habits.startBalanceCents;
  for (let day = startDay + rng.int(0, 10); day <= window.asOfDay; day += rng.int(12, 25)) {
    const when = at(day, 12 * 60 + rng.int(0, 240));
    if (when.getTime() > window.asOf.getTime()) break;
    if (rng.chance(0.15) && balance > 50_000) {
      const cents = Math.round((balance * (0.05 + 0.25 * rng.next())) / 100) * 100;
      balance -= cents;
      rows.push(ledgerEntry(ids, plan.account, { kind: 'withdrawal', direction: 'debit', cents, description: `Transfer to linked checking ${linked}`, at: when }));
    } else {
      const cents = rng.int(1, 20) * 10_000;
      balance += cents;
      rows.push(ledgerEntry(ids, plan.account, { kind: 'deposit', direction: 'credit', cents, description: `Transfer from linked checking ${linked}`, at: when }));
    }
  }
  return rows;
}

/** A merchant account: weekly card settlements in, paid out to the business's bank the next day (less a reserve). */
export function merchantActivity(rng: Rng, ids: IdSource, window: DemoWindow, plan: AccountPlan, startDay: number): TxnRow[] {
  const rows: TxnRow[] = [];
  const bank = masked(rng);
  const size = rng.pick([1, 2, 4, 8]);
  for (let day = startDay + rng.int(0, 6); day <= window.asOfDay; day += 7) {
    const settledAt = at(day, 10 * 60 + rng.int(0, 59));
    if (settledAt.getTime() > window.asOf.getTime()) break;
    const cents = rng.logNormal(250_000 * size, 0.4, 20_000, 5_000_000);
    const batch = new Date(settledAt.getTime() - 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    rows.push(ledgerEntry(ids, plan.account, { kind: 'deposit', direction: 'credit', cents, description: `Card settlement batch ${batch}`, at: settledAt }));
    const payoutAt = at(dayOf(settledAt) + 1, 10 * 60 + rng.int(0, 59));
    if (payoutAt.getTime() <= window.asOf.getTime()) {
      rows.push(ledgerEntry(ids, plan.account, { kind: 'withdrawal', direction: 'debit', cents: Math.round(cents * 0.97), description: `Payout to bank account ${bank}`, at: payoutAt }));
    }
  }
  return rows;
}
