/**
 * Staff money actions on a dispute: provisional credit, its reversal, and the resolution (final credit, or
 * reversal of the provisional credit). Each: guard (lock the dispute, check its state) → ledger steps with undo
 * → the step rows, the clocks met, the written notice on the case, the timeline and the audit row — all in the
 * request's unit of work. Retried or concurrent requests find the step already posted and credit nothing twice.
 */
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { type IsoDate, localDate } from '../calendars/index.ts';
import { addTimeline, type RequestMeta } from './case-engine.ts';
import { type DisputeLetterKind, issueDisputeLetter } from './dispute-letters.ts';
import type { DisputeDeps } from './dispute-deps.ts';
import { money } from './dispute.view.ts';
import type { DisputeOutcome } from './disputes.tables.ts';
import { type DisputeWithCase, insertMoneyStep, listMoneySteps, lockDispute, markStepReversed, type MoneyStepRow, updateDispute } from './disputes.repo.ts';
import { creditStep, debitStep, type MoneyStep, runMoneySteps } from '../banking/index.ts';
import { type Deadline, plainDate, regEReversalHonorThrough, regEResultsDueBy } from './regulation/index.ts';

type Ctx = { deps: DisputeDeps; unit: Unit; actor: StaffActor; meta: RequestMeta; now: Date; today: IsoDate };

async function lockOpen(c: Ctx, id: string): Promise<{ d: DisputeWithCase; steps: MoneyStepRow[] }> {
  const d = await lockDispute(c.unit.tx, id);
  if (!d) throw notFound('Dispute');
  return { d, steps: await listMoneySteps(c.unit.tx, id) };
}

const ref = (d: DisputeWithCase, kind: 'provisional' | 'provisional:reversal' | 'final') => `${d.id}:${kind}`;
const posting = (c: Ctx, d: DisputeWithCase, reference: string, description: string) => ({
  banking: c.deps.banking.withTransaction(c.unit.tx),
  accountId: d.account_id,
  amountCents: d.amount_cents,
  reference,
  description,
  relatedTo: d.transaction_id,
  at: c.now,
});

const meet = (clocks: Deadline[], names: readonly string[], today: IsoDate): Deadline[] => clocks.map((k) => (names.includes(k.name) && !k.metOn ? { ...k, metOn: today } : k));

const LETTER_OF: Partial<Record<MoneyStepRow['kind'], DisputeLetterKind>> = { provisional_credit: 'dispute_provisional_credit', provisional_credit_reversal: 'dispute_credit_reversal' };

/** The written notice of a money step or decision, as a letter on the case (dispute-letters.ts). */
const letter = (c: Ctx, d: DisputeWithCase, kind: DisputeLetterKind, text: string) =>
  issueDisputeLetter(c.deps, c.unit, { actor: c.actor, caseId: d.case_id, disputeId: d.id, kind, amount: money(d.amount_cents, d.currency), text, meta: c.meta });

async function record(c: Ctx, d: DisputeWithCase, kind: MoneyStepRow['kind'], reference: string, ledgerId: string, notice: string): Promise<void> {
  const messageId = await letter(c, d, LETTER_OF[kind] ?? 'dispute_resolution', notice);
  await insertMoneyStep(c.unit.tx, { id: reference, dispute_id: d.id, kind, amount_cents: d.amount_cents, ledger_transaction_id: ledgerId, state: 'posted', notice_message_id: messageId, actor_id: c.actor.userId, created_at: c.now });
  const who = { id: c.actor.userId, role: c.actor.role, name: c.actor.displayName };
  await addTimeline(c.unit, [{ caseId: d.case_id, at: c.now, kind: `dispute_${kind}`, actor: who, visibleToCardholder: true, data: { disputeId: d.id, amountCents: d.amount_cents, reference } }]);
  await recordAudit(c.unit.tx, { action: 'dispute.money_step', actorId: c.actor.userId, actorRole: c.actor.role, targetType: 'dispute', targetId: d.id, requestId: c.meta.requestId, ip: c.meta.ip, at: c.now, detail: { kind, reference, ledgerTransactionId: ledgerId, amountCents: d.amount_cents } });
}

function provisionalNotice(c: Ctx, d: DisputeWithCase): string {
  return `On ${plainDate(c.today)} we credited ${money(d.amount_cents, d.currency)} to your account as temporary (provisional) credit while we finish investigating your dispute (case ${d.case_number}). You can use this money. If we find the charge was correct, we will tell you in writing before taking it back.`;
}

export async function grantProvisionalCredit(c: Ctx, id: string): Promise<void> {
  const { d, steps } = await lockOpen(c, id);
  if (d.status !== 'open') throw new AppError('invalid_state_transition', 'This dispute is resolved; provisional credit is no longer possible');
  const existing = steps.find((s) => s.kind === 'provisional_credit');
  if (existing?.state === 'posted') return; // already credited: a retry or a concurrent duplicate changes nothing
  if (existing) throw new AppError('conflict', 'Provisional credit on this dispute was already given and reversed');
  const reference = ref(d, 'provisional');
  const step = creditStep(posting(c, d, reference, `Provisional credit, dispute ${d.case_number}`));
  await runMoneySteps([step], async ([posted]) => {
    await record(c, d, 'provisional_credit', reference, posted!.transaction.id, provisionalNotice(c, d));
    // Reg E: posting in time and telling the cardholder (this notice) meet both clocks (1005.11(c)(2)(i)–(ii)).
    const clocks = meet(d.clocks, ['reg_e_decide_or_provisionally_credit', 'reg_e_tell_provisional_credit'], c.today);
    await updateDispute(c.unit.tx, d.id, { clocks: JSON.stringify(clocks), regulatory_status: 'provisional_credit_granted', updated_at: c.now });
  }, c.deps.logger);
}

function reversalNotice(c: Ctx, d: DisputeWithCase): string {
  const honor = d.regulation === 'reg_e' ? ` We will keep paying overdrafts and preauthorized debits up to that amount until ${plainDate(regEReversalHonorThrough(c.today, c.deps.calendar))} (12 CFR 1005.11(d)(2)).` : '';
  return `On ${plainDate(c.today)} we reversed the temporary credit of ${money(d.amount_cents, d.currency)} on case ${d.case_number}.${honor}`;
}

/** The reversal as a step, or null when there is no posted provisional credit to reverse. */
function reversalStep(c: Ctx, d: DisputeWithCase, steps: MoneyStepRow[]): { step: MoneyStep; provisional: MoneyStepRow; reference: string } | null {
  const provisional = steps.find((s) => s.kind === 'provisional_credit' && s.state === 'posted');
  if (!provisional) return null;
  const reference = ref(d, 'provisional:reversal');
  return { step: debitStep(posting(c, d, reference, `Reversal of provisional credit, dispute ${d.case_number}`)), provisional, reference };
}

export async function reverseProvisionalCredit(c: Ctx, id: string): Promise<void> {
  const { d, steps } = await lockOpen(c, id);
  if (steps.some((s) => s.kind === 'provisional_credit_reversal')) return; // already reversed: nothing twice
  if (d.status !== 'open') throw new AppError('invalid_state_transition', 'This dispute is resolved; its credit can no longer be reversed here');
  const r = reversalStep(c, d, steps);
  if (!r) throw new AppError('invalid_state_transition', 'There is no provisional credit on this dispute to reverse');
  await runMoneySteps([r.step], async ([posted]) => {
    await record(c, d, 'provisional_credit_reversal', r.reference, posted!.transaction.id, reversalNotice(c, d));
    await markStepReversed(c.unit.tx, r.provisional.id, c.now);
    await updateDispute(c.unit.tx, d.id, { regulatory_status: 'provisional_credit_reverted', updated_at: c.now });
  }, c.deps.logger);
}

function resolutionNotice(c: Ctx, d: DisputeWithCase, outcome: DisputeOutcome, note: string): string {
  const head =
    outcome === 'cardholder_favor'
      ? `On ${plainDate(c.today)} we resolved your dispute (case ${d.case_number}) in your favor: ${money(d.amount_cents, d.currency)} is credited to your account for good${d.regulation === 'reg_z' ? ', with any interest or fees charged on it' : ''}.`
      : `On ${plainDate(c.today)} we resolved your dispute (case ${d.case_number}): we found that the charge of ${money(d.amount_cents, d.currency)} was correct. You may ask us for the documents we relied on.`;
  const rule =
    outcome === 'merchant_favor' && d.regulation === 'reg_z' && d.handling === 'regulatory'
      ? ' The disputed amount is due again; you have at least 10 days to pay it before it counts as late (12 CFR 1026.13(f)).'
      : outcome === 'merchant_favor' && d.regulation === 'reg_e'
        ? ` (Results reported within 3 business days: by ${plainDate(regEResultsDueBy(c.today, c.deps.calendar))}.)`
        : '';
  return `${head}${rule}\n${note}`;
}

export async function resolveDispute(c: Ctx, id: string, outcome: DisputeOutcome, note: string): Promise<void> {
  const { d, steps } = await lockOpen(c, id);
  if (d.status !== 'open') {
    if (d.outcome === outcome) return; // the same decision again: nothing more to do
    throw new AppError('invalid_state_transition', `This dispute was already resolved (${d.outcome})`);
  }
  const provisional = steps.find((s) => s.kind === 'provisional_credit' && s.state === 'posted');
  const reversal = outcome === 'merchant_favor' ? reversalStep(c, d, steps) : null;
  const finalRef = ref(d, 'final');
  const finalCredit = outcome === 'cardholder_favor' && !provisional ? creditStep(posting(c, d, finalRef, `Dispute credit, case ${d.case_number}`)) : null;
  const moneySteps = [reversal?.step, finalCredit].filter((s): s is MoneyStep => s !== undefined && s !== null);
  await runMoneySteps(moneySteps, async (results) => {
    if (reversal) {
      await insertMoneyStep(c.unit.tx, { id: reversal.reference, dispute_id: d.id, kind: 'provisional_credit_reversal', amount_cents: d.amount_cents, ledger_transaction_id: results[0]!.transaction.id, state: 'posted', notice_message_id: null, actor_id: c.actor.userId, created_at: c.now });
      await markStepReversed(c.unit.tx, reversal.provisional.id, c.now);
    }
    const messageId = await letter(c, d, 'dispute_resolution', `${resolutionNotice(c, d, outcome, note)}${reversal ? `\n${reversalNotice(c, d)}` : ''}`);
    if (outcome === 'cardholder_favor') {
      // The provisional credit, when there is one, becomes final: no second posting.
      const ledgerId = provisional ? provisional.ledger_transaction_id : results[0]!.transaction.id;
      await insertMoneyStep(c.unit.tx, { id: finalRef, dispute_id: d.id, kind: 'final_credit', amount_cents: d.amount_cents, ledger_transaction_id: ledgerId, state: 'posted', notice_message_id: messageId, actor_id: c.actor.userId, created_at: c.now });
    }
    const clocks = meet(d.clocks, d.clocks.map((k) => k.name), c.today);
    await updateDispute(c.unit.tx, d.id, { status: 'resolved', outcome, resolved_at: c.now, regulatory_status: 'resolved', clocks: JSON.stringify(clocks), updated_at: c.now });
    const who = { id: c.actor.userId, role: c.actor.role, name: c.actor.displayName };
    await addTimeline(c.unit, [{ caseId: d.case_id, at: c.now, kind: 'dispute_resolved', actor: who, visibleToCardholder: true, data: { disputeId: d.id, outcome } }]);
    await recordAudit(c.unit.tx, { action: 'dispute.resolve', actorId: c.actor.userId, actorRole: c.actor.role, targetType: 'dispute', targetId: d.id, requestId: c.meta.requestId, ip: c.meta.ip, at: c.now, detail: { outcome, reversed: reversal !== null, finalCredit: finalCredit !== null } });
  }, c.deps.logger);
}

export function moneyContext(deps: DisputeDeps, unit: Unit, actor: StaffActor, meta: RequestMeta): Ctx {
  const now = deps.clock.now();
  return { deps, unit, actor, meta, now, today: localDate(now, deps.calendar.timeZone) };
}
