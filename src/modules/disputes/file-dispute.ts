/**
 * File a dispute (habit 8): the guard reads and checks everything (the charge, the answers, the amount, the
 * refund search, the regulatory track, the case's message and files); then one unit of work opens the case
 * through the case engine, writes the dispute, its timeline entry, its audit row and the written
 * acknowledgment; notifications go out after commit through the outbox.
 */
import { recordAudit } from '../../platform/audit.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { Account, Transaction } from '../banking/index.ts';
import { localDate } from '../calendars/index.ts';
import { addTimeline, type IncomingFile, type PreparedCase, prepareDisputeCase, type RequestMeta, writeDisputeCase, writeSystemNotice } from './case-engine.ts';
import type { DisputeDeps } from './dispute-deps.ts';
import { type DisputeAnswers, type DisputeReason, isFraudReason, REASON_LABELS, validateAnswers } from './dispute-reasons.ts';
import { money } from './dispute.view.ts';
import { type DisputeWithCase, findDispute, findOpenDisputeFor, insertDispute, lockTransactionForFiling } from './disputes.repo.ts';
import { networkProfileFor } from './network-profiles.ts';
import { disputableCharge, findMatchingRefunds } from './refund-check.ts';
import { plainDate } from './regulation/index.ts';
import { headlineDeadlines, regulatoryTrack, type RegulatoryTrack } from './regulatory-track.ts';

export type FileDisputeInput = { transactionId: string; reason: DisputeReason; amount?: number | undefined; answers: Record<string, unknown>; files: IncomingFile[] };

export type PreparedFiling = {
  id: string;
  actor: CardholderActor;
  transaction: Transaction;
  account: Account;
  reason: DisputeReason;
  answers: DisputeAnswers;
  amountCents: number;
  network: string;
  reasonCode: string | null;
  track: RegulatoryTrack;
  kase: PreparedCase;
};

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field} ${message}`, { errors: [{ field, message }] });

/** The disputed amount: given, or what the answers imply (the overcharge, the cash not dispensed), or the charge. */
function disputedAmount(input: FileDisputeInput, txn: Transaction, answers: DisputeAnswers): number {
  let implied = txn.amountCents;
  if (input.reason === 'incorrect_amount') implied = txn.amountCents - (answers.correctAmountCents as number);
  if (input.reason === 'atm_misdispense') implied = txn.amountCents - (answers.amountReceivedCents as number);
  if (implied <= 0) throw invalid(`answers.${input.reason === 'atm_misdispense' ? 'amountReceivedCents' : 'correctAmountCents'}`, `must be less than the charge (${money(txn.amountCents, txn.currency)})`);
  const amount = input.amount ?? implied;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw invalid('amount', 'must be a whole number of cents above 0');
  if (amount > txn.amountCents) throw invalid('amount', `must not be more than the posted amount (${txn.amountCents} cents)`);
  return amount;
}

async function checkDuplicate(deps: DisputeDeps, actor: CardholderActor, txn: Transaction, otherId: string): Promise<void> {
  const other = await deps.banking.findTransaction(otherId, { customerId: actor.customerId });
  if (!other) throw invalid('answers.otherTransactionId', 'is not one of your transactions');
  if (other.id === txn.id) throw invalid('answers.otherTransactionId', 'must be the other charge, not this one');
  const same = (other.merchantId ?? other.merchantName) === (txn.merchantId ?? txn.merchantName);
  if (!same) throw invalid('answers.otherTransactionId', 'must be a charge from the same merchant');
}

function caseBody(reason: DisputeReason, txn: Transaction, amountCents: number, answers: DisputeAnswers): string {
  const lines = [`Dispute: ${REASON_LABELS[reason]}`, `Charge: ${txn.merchantName ?? txn.description}, ${money(txn.amountCents, txn.currency)}; disputed ${money(amountCents, txn.currency)}.`];
  for (const [k, v] of Object.entries(answers)) lines.push(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return lines.join('\n');
}

export async function prepareFiling(deps: DisputeDeps, actor: CardholderActor, input: FileDisputeInput): Promise<PreparedFiling> {
  const txn = await disputableCharge(deps.banking, input.transactionId, actor.customerId);
  const account = await deps.banking.findAccount(txn.accountId, { customerId: actor.customerId });
  if (!account) throw new AppError('not_found', 'Transaction was not found');
  const { answers, errors } = validateAnswers(input.reason, input.answers);
  if (errors.length) throw new AppError('validation_failed', 'Some answers are missing or not valid', { errors });
  const amountCents = disputedAmount(input, txn, answers);
  if (input.reason === 'duplicate') await checkDuplicate(deps, actor, txn, answers.otherTransactionId as string);
  if (input.reason === 'refund_not_processed') {
    const check = await findMatchingRefunds(deps.banking, txn, { amountCents, statedRefundDate: answers.refundDate as string, timeZone: deps.calendar.timeZone });
    if (check.found) throw new AppError('refund_found', check.message, { extra: { refundCheck: check } });
  }
  const now = deps.clock.now();
  const postedOn = localDate(txn.postedAt ?? txn.authorizedAt, deps.calendar.timeZone);
  const statement = await deps.banking.statementFor(account.id, postedOn);
  const track = regulatoryTrack({ account, transaction: txn, statement, noticeReceivedOn: localDate(now, deps.calendar.timeZone), calendar: deps.calendar });
  const card = txn.cardId ? await deps.banking.findCard(txn.cardId, { customerId: actor.customerId }) : null;
  const profile = networkProfileFor(card?.network);
  const subject = `Dispute: ${txn.merchantName ?? txn.description} ${money(amountCents, txn.currency)}`.slice(0, deps.policy.messageLimits.subjectMaxChars);
  const kase = await prepareDisputeCase(deps, actor, { subject, body: caseBody(input.reason, txn, amountCents, answers), transactionId: txn.id, files: input.files }, isFraudReason(input.reason) ? 'high' : null);
  return { id: newId('dsp'), actor, transaction: txn, account, reason: input.reason, answers, amountCents, network: profile.network, reasonCode: profile.codes[input.reason], track, kase };
}

/** 409 pointing to the first dispute: one open dispute per charge. */
export function alreadyOpenError(first: DisputeWithCase): AppError {
  return new AppError('dispute_already_open', `This charge already has an open dispute (${first.id}, case ${first.case_number}); add information there.`, {
    extra: { disputeId: first.id, caseId: first.case_id, caseNumber: first.case_number },
  });
}

function acknowledgment(p: PreparedFiling, caseNumber: string, today: string): string {
  const h = headlineDeadlines(p.track.regulation, p.track.noticeReceivedOn, p.track.clocks, false);
  const lines = [
    `We received your dispute on ${plainDate(today)} about ${p.transaction.merchantName ?? p.transaction.description} for ${money(p.amountCents, p.transaction.currency)} (case ${caseNumber}).`,
    p.track.window?.explanation ?? 'This account is handled under our own dispute policy.',
  ];
  if ('provisionalCreditBy' in h && h.provisionalCreditBy) lines.push(`By ${plainDate(h.provisionalCreditBy)} we will finish our investigation or give you temporary credit.`);
  if (h.resolveBy) lines.push(`We will send you our decision in writing by ${plainDate(h.resolveBy)}.`);
  return lines.join('\n');
}

export async function writeFiling(deps: DisputeDeps, unit: Unit, p: PreparedFiling, meta: RequestMeta) {
  const { tx } = unit;
  await lockTransactionForFiling(tx, p.transaction.id);
  const first = await findOpenDisputeFor(tx, p.transaction.id);
  if (first) throw alreadyOpenError(first);
  const now = deps.clock.now();
  const today = p.track.noticeReceivedOn;
  const { caseId, caseNumber } = await writeDisputeCase(deps, unit, p.kase, meta);
  // The written acknowledgment goes out now, which meets the Regulation Z acknowledgment clock (1026.13(c)(1)).
  const clocks = p.track.clocks.map((c) => (c.name === 'reg_z_acknowledge' ? { ...c, metOn: today } : c));
  await insertDispute(tx, {
    id: p.id,
    case_id: caseId,
    customer_id: p.actor.customerId,
    account_id: p.account.id,
    transaction_id: p.transaction.id,
    reason: p.reason,
    reason_code: p.reasonCode,
    network: p.network,
    amount_cents: p.amountCents,
    currency: p.transaction.currency,
    answers: JSON.stringify(p.answers),
    regulation: p.track.regulation,
    handling: p.track.handling,
    notice_received_on: today,
    notice_window: JSON.stringify(p.track.window),
    transfer_facts: JSON.stringify(p.track.facts),
    clocks: JSON.stringify(clocks),
    status: 'open',
    outcome: null,
    network_status: 'intake',
    regulatory_status: 'acknowledged',
    filed_by: p.actor.userId,
    created_at: now,
    updated_at: now,
  });
  const who = { id: p.actor.userId, role: 'cardholder', name: p.actor.displayName };
  await addTimeline(unit, [
    { caseId, at: now, kind: 'dispute_filed', actor: who, visibleToCardholder: true, data: { disputeId: p.id, reason: p.reason, reasonCode: p.reasonCode, amountCents: p.amountCents, regulation: p.track.regulation, handling: p.track.handling } },
  ]);
  await recordAudit(tx, { action: 'dispute.create', actorId: p.actor.userId, actorRole: 'cardholder', targetType: 'dispute', targetId: p.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { caseId, transactionId: p.transaction.id, reason: p.reason, amountCents: p.amountCents } });
  await writeSystemNotice(deps, unit, { caseId, customerId: p.actor.customerId, caseNumber, body: acknowledgment(p, caseNumber, today), at: now, kind: 'acknowledgment' });
  const row = await findDispute(tx, p.id, null);
  if (!row) throw new Error(`dispute ${p.id} vanished`);
  return row;
}
