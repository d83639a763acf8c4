/**
 * The posting sync: brings an account's points ledger up to date with its transactions, idempotently. It runs
 * the earn engine over the account's whole history, posts what is due and not yet posted (keyed by
 * transaction, kind and promotion, so a second run — or a concurrent one — posts nothing twice), and compares
 * what the ledger already held with what the rules say. Where they disagree, it records the discrepancy and
 * opens a rewards case with the expected and posted points, once per transaction.
 *
 * It runs inside the caller's unit of work: before every rewards read and explanation (lazy, so the answer is
 * never stale) and from the periodic posting job (so cases open without anyone looking).
 */
import type { Insertable } from 'kysely';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { Account, CoreBanking, Statement, Transaction, TransactionCursor } from '../banking/index.ts';
import { localDate } from '../calendars/index.ts';
import { type CaseDeps, openSystemCase, type RequestMeta } from '../cases/index.ts';
import { computeEarnings, type EarnTransaction, type Earning } from './earn-engine.ts';
import type { RewardRules } from './earn-rules.ts';
import { expectedPointsOf } from './explain-points.ts';
import { type ClosedStatement, type PostingDue, pointsPostOn } from './posting-schedule.ts';
import { adjustmentsByTransaction, insertDiscrepancy, insertEntries, listDiscrepancies, listEnrollments, listTransactionEntries, lockRewardsAccount, setDiscrepancyCase } from './rewards.repo.ts';
import type { RewardLedgerEntriesTable } from './rewards.tables.ts';

const PAGE = 500;
const STATEMENTS = 36;

export type SyncedAccount = {
  rules: RewardRules;
  today: string;
  transactions: Map<string, Transaction>;
  earnings: Map<string, Earning>;
  /** Points the ledger holds per transaction (postings plus adjustments an agent tied to it). */
  posted: Map<string, number>;
  postingOf(txn: Transaction): PostingDue | null;
  discrepancies: Map<string, { caseNumber: string | null; caseId: string | null }>;
  enrollments: Map<string, Date>;
};

export function rulesFor(deps: Pick<CaseDeps, 'profile'>, account: Account): RewardRules | null {
  return deps.profile.cardProducts.find((p) => p.id === account.cardProduct)?.rewards ?? null;
}

async function allTransactions(banking: CoreBanking, accountId: string): Promise<Transaction[]> {
  const out: Transaction[] = [];
  let after: TransactionCursor | undefined;
  for (;;) {
    const page = await banking.listTransactions(accountId, { limit: PAGE, after });
    out.push(...page.items);
    if (!page.next) return out;
    after = page.next;
  }
}

const toEarn = (t: Transaction, zone: string): EarnTransaction => ({
  id: t.id,
  kind: t.kind,
  direction: t.direction,
  status: t.status,
  amountCents: t.amountCents,
  mcc: t.mcc,
  merchantCountry: t.merchantCountry,
  at: t.authorizedAt,
  day: localDate(t.authorizedAt, zone),
  refundOf: t.refundOf,
});

type Planned = Insertable<RewardLedgerEntriesTable>;

/** The ledger rows a due transaction should have: its points, and one row per promotion. */
function postingsFor(account: Account, t: Transaction, e: Earning, on: string, now: Date): Planned[] {
  const label = t.merchantName ?? t.description;
  const row = (kind: Planned['kind'], points: number, promotionId: string | null, description: string): Planned => ({
    id: newId('rwe'), account_id: account.id, customer_id: account.customerId, kind, points, transaction_id: t.id, promotion_id: promotionId, adjustment_id: null, source: 'posting', description: description.slice(0, 300), effective_on: on, created_at: now,
  });
  const kind = e.outcome === 'refund' ? 'reversed' : 'earned';
  const rows: Planned[] = [];
  if (e.points !== 0) rows.push(row(kind, e.points, null, kind === 'earned' ? `Earned: ${label}` : `Refund: ${label}`));
  for (const p of e.promotions) {
    if (p.enrolled && p.extraPoints !== 0) rows.push(row(kind === 'earned' ? 'bonus' : 'reversed', p.extraPoints, p.id, `${p.name}${kind === 'reversed' ? ' (refund)' : ''}: ${label}`));
  }
  return rows;
}

export async function syncRewards(deps: CaseDeps, unit: Unit, account: Account, meta: RequestMeta): Promise<SyncedAccount | null> {
  const rules = rulesFor(deps, account);
  if (!rules) return null;
  const { tx } = unit;
  const banking = deps.banking.withTransaction(tx);
  const zone = deps.profile.issuer.timeZone;
  const now = deps.clock.now();
  const today = localDate(now, zone);
  await lockRewardsAccount(tx, account.id);
  const [list, statements, enrollments, existing, adjusted, discrepancies] = await Promise.all([
    allTransactions(banking, account.id),
    banking.listStatements(account.id, STATEMENTS),
    listEnrollments(tx, account.id),
    listTransactionEntries(tx, account.id),
    adjustmentsByTransaction(tx, account.id),
    listDiscrepancies(tx, account.id),
  ]);
  const transactions = new Map(list.map((t) => [t.id, t]));
  const earnings = computeEarnings(rules, list.map((t) => toEarn(t, zone)), enrollments);
  const closed: ClosedStatement[] = statements.map((s: Statement) => ({ periodStart: s.periodStart, closingDate: s.closingDate }));
  const postingOf = (t: Transaction): PostingDue | null => (t.status === 'posted' && t.postedAt ? pointsPostOn(rules, localDate(t.postedAt, zone), today, closed, account.billingCycleDay) : null);

  const held = new Map<string, Set<string>>();
  const posted = new Map<string, number>();
  for (const row of existing) {
    const id = row.transaction_id ?? '';
    posted.set(id, (posted.get(id) ?? 0) + row.points);
    held.set(id, (held.get(id) ?? new Set()).add(`${row.kind}:${row.promotion_id ?? ''}`));
  }
  const planned: Planned[] = [];
  const mismatched: Array<{ t: Transaction; expected: number; posted: number }> = [];
  for (const t of list) {
    const e = earnings.get(t.id);
    const due = postingOf(t);
    if (!e || !due?.isDue) continue;
    const keys = held.get(t.id);
    const missing = postingsFor(account, t, e, due.on, now).filter((r) => !keys?.has(`${r.kind}:${r.promotion_id ?? ''}`));
    planned.push(...missing);
    const total = (posted.get(t.id) ?? 0) + missing.reduce((s, r) => s + r.points, 0);
    posted.set(t.id, total);
    const withAdjustments = total + (adjusted.get(t.id) ?? 0);
    if (keys && withAdjustments !== expectedPointsOf(e)) mismatched.push({ t, expected: expectedPointsOf(e), posted: withAdjustments });
  }
  for (const [id, points] of adjusted) posted.set(id, (posted.get(id) ?? 0) + points);
  await insertEntries(tx, planned);
  for (const m of mismatched) {
    if (discrepancies.has(m.t.id)) continue;
    if (!(await insertDiscrepancy(tx, { transaction_id: m.t.id, account_id: account.id, expected_points: m.expected, posted_points: m.posted, detected_at: now }))) continue;
    const opened = await openDiscrepancyCase(deps, unit, account, m, meta);
    await setDiscrepancyCase(tx, m.t.id, opened.id, opened.number);
    discrepancies.set(m.t.id, { caseNumber: opened.number, caseId: opened.id });
  }
  return { rules, today, transactions, earnings, posted, postingOf, discrepancies, enrollments };
}

function openDiscrepancyCase(deps: CaseDeps, unit: Unit, account: Account, m: { t: Transaction; expected: number; posted: number }, meta: RequestMeta) {
  const label = m.t.merchantName ?? m.t.description;
  return openSystemCase(
    deps,
    unit,
    {
      customerId: account.customerId,
      accountId: account.id,
      transactionId: m.t.id,
      subject: `Points for ${label} did not post as the rules say`.slice(0, 200),
      type: 'rewards',
      priority: 'normal',
      links: { rewardsTransactionId: m.t.id },
      actor: { id: null, role: 'system', name: 'Rewards check' },
      notify: false, // the cardholder sees the case in the points explanation; case.opened speaks of a message they did not send
      events: [{ kind: 'rewards_discrepancy', visibleToCardholder: true, data: { transactionId: m.t.id, expectedPoints: m.expected, postedPoints: m.posted, differencePoints: m.expected - m.posted } }],
    },
    meta,
  );
}
