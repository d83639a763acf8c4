import { balanceEffect } from '../core-banking.port.ts';
import { anniversaries, at, closingDaysBefore, dayFromIso, dayOf, isoDay } from './calendar.ts';
import type { Rng } from './prng.ts';
import { type AccountPlan, type DemoWindow, type IdSource, ledgerEntry, type StatementRow, type TxnRow } from './rows.ts';

// Billing cycles: payments, interest, annual fees and monthly statements, computed cycle by cycle from what
// actually posted, so every statement's balances add up to its transactions.

export const CLOSED_CYCLES = 12;
export const DUE_AFTER_DAYS = 25; // the CARD Act asks for at least 21 days (12 CFR 1026.5(b)(2)(ii)); 25 is common
const PURCHASE_APR = 0.2499;
const SAVINGS_APY = 0.0425;
const MERCHANT_DISCOUNT_RATE = 0.026;
const MINIMUM_PAYMENT_FLOOR = 4_000;

/** The closing days of the 12 closed cycles, preceded by the one before them (where activity starts). */
export function cycleClosings(plan: AccountPlan, window: DemoWindow): number[] {
  return closingDaysBefore(plan.account.billing_cycle_day, window.asOfDay, CLOSED_CYCLES + 1);
}

type Previous = { closing: number; minimumDue: number; dueDay: number };

function minimumDue(plan: AccountPlan, closing: number, interestAndFees: number): number {
  if (closing <= 0) return 0;
  if (plan.account.account_kind === 'charge') return closing; // charge cards are paid in full each month
  if (plan.account.account_kind !== 'credit') return 0;
  return Math.min(closing, Math.max(MINIMUM_PAYMENT_FLOOR, Math.round(closing * 0.01) + interestAndFees));
}

function paymentFor(rng: Rng, plan: AccountPlan, prev: Previous): number {
  const limit = plan.account.credit_limit_cents;
  if (plan.habits.payment === 'full' || (limit !== null && prev.closing > limit * 0.85)) return prev.closing;
  if (plan.habits.payment === 'minimum') return prev.minimumDue;
  const share = Math.round((prev.closing * (0.3 + 0.6 * rng.next())) / 100) * 100;
  return Math.min(prev.closing, Math.max(prev.minimumDue, share));
}

export function runCycles(rng: Rng, ids: IdSource, window: DemoWindow, plan: AccountPlan, activity: TxnRow[]): { rows: TxnRow[]; statements: StatementRow[] } {
  const { account } = plan;
  const owed = account.account_kind === 'credit' || account.account_kind === 'charge';
  const closings = cycleClosings(plan, window);
  const rows = [...activity];
  const statements: StatementRow[] = [];
  const asOfMs = window.asOf.getTime();
  const post = (row: TxnRow) => {
    if (row.posted_at && row.posted_at.getTime() <= asOfMs) rows.push(row);
  };
  let prev: Previous = { closing: plan.habits.startBalanceCents, minimumDue: 0, dueDay: (closings[0] ?? 0) + DUE_AFTER_DAYS };
  prev.minimumDue = minimumDue(plan, prev.closing, 0);
  const openedDay = dayFromIso(account.opened_on);

  for (let k = 1; k <= CLOSED_CYCLES + 1; k++) {
    const periodStart = (closings[k - 1] ?? 0) + 1;
    const isOpenCycle = k > CLOSED_CYCLES;
    const periodEnd = isOpenCycle ? window.asOfDay : (closings[k] ?? 0);
    let interestAndFees = 0;

    if (owed && prev.closing > 0) {
      const paid = paymentFor(rng, plan, prev);
      if (paid > 0) post(ledgerEntry(ids, account, { kind: 'payment', direction: 'credit', cents: paid, description: 'Payment received – thank you', at: at(prev.dueDay - rng.int(0, 8), 9 * 60 + rng.int(0, 120)) }));
      const carried = prev.closing - paid;
      if (account.account_kind === 'credit' && carried > 0 && !isOpenCycle) {
        const interest = Math.round((carried * PURCHASE_APR) / 12);
        interestAndFees += interest;
        if (interest > 0) post(ledgerEntry(ids, account, { kind: 'interest', direction: 'debit', cents: interest, description: 'Interest charge on purchases', at: at(periodEnd, 8 * 60 + 30) }));
      }
    }
    if (account.annual_fee_cents > 0) {
      for (const day of anniversaries(openedDay, periodStart, periodEnd)) {
        const feeAt = plan.feeAt && dayOf(plan.feeAt) === day ? plan.feeAt : at(day, 8 * 60 + 15);
        interestAndFees += account.annual_fee_cents;
        post(ledgerEntry(ids, account, { kind: 'fee', direction: 'debit', cents: account.annual_fee_cents, description: `Annual membership fee – ${plan.product.name}`, at: feeAt }));
      }
    }
    if (isOpenCycle) break;

    const inPeriod = (r: TxnRow) => r.status === 'posted' && r.posted_at !== null && dayOf(r.posted_at) >= periodStart && dayOf(r.posted_at) <= periodEnd;
    const posted = () => rows.filter(inPeriod);
    const opening = prev.closing;
    const running = () => posted().reduce((sum, r) => sum + balanceEffect(account.account_kind, r.direction, r.amount_cents), opening);
    if (account.account_kind === 'deposit') {
      const interest = Math.round((Math.max(0, running()) * SAVINGS_APY) / 12);
      if (interest > 0) post(ledgerEntry(ids, account, { kind: 'interest', direction: 'credit', cents: interest, description: 'Interest paid', at: at(periodEnd, 8 * 60 + 30) }));
    }
    if (account.account_kind === 'merchant') {
      const settled = posted().filter((r) => r.kind === 'deposit').reduce((sum, r) => sum + r.amount_cents, 0);
      const fee = Math.round(settled * MERCHANT_DISCOUNT_RATE);
      if (fee > 0) post(ledgerEntry(ids, account, { kind: 'fee', direction: 'debit', cents: fee, description: `Merchant discount fees, period ending ${isoDay(periodEnd)}`, at: at(periodEnd, 8 * 60 + 30) }));
    }

    const lines = posted();
    const statement: StatementRow = {
      id: ids.stm(),
      account_id: account.id,
      period_start: isoDay(periodStart),
      closing_date: isoDay(periodEnd),
      due_date: isoDay(periodEnd + DUE_AFTER_DAYS),
      opening_balance_cents: opening,
      debits_cents: lines.filter((r) => r.direction === 'debit').reduce((sum, r) => sum + r.amount_cents, 0),
      credits_cents: lines.filter((r) => r.direction === 'credit').reduce((sum, r) => sum + r.amount_cents, 0),
      closing_balance_cents: 0,
      minimum_due_cents: 0,
      created_at: at(periodEnd, 23 * 60 + 30),
    };
    statement.closing_balance_cents = opening + (owed ? 1 : -1) * (statement.debits_cents - statement.credits_cents);
    statement.minimum_due_cents = minimumDue(plan, statement.closing_balance_cents, interestAndFees);
    for (const line of lines) line.statement_id = statement.id;
    statements.push(statement);
    prev = { closing: statement.closing_balance_cents, minimumDue: statement.minimum_due_cents, dueDay: periodEnd + DUE_AFTER_DAYS };
  }
  return { rows, statements };
}
