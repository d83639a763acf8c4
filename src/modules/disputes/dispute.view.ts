/**
 * What a dispute looks like to the cardholder and to staff: both tracks, every clock with its warnings, the
 * money steps and the plain-language status and next steps. Staff see more (answers, notice-window detail,
 * allowed network moves); the response schema is the allow-list (habit 4).
 */
import type { IsoDate } from '../calendars/index.ts';
import { type Deadline, deadlineWarnings, plainDate } from './regulation/index.ts';
import { allowedNetworkActions, NETWORK_STATES, REGULATORY_STATES } from './network.machine.ts';
import type { DisputeWithCase, MoneyStepRow } from './disputes.repo.ts';
import { REASON_LABELS } from './dispute-reasons.ts';
import { DEADLINE_WARN_BEFORE_DAYS, headlineDeadlines } from './regulatory-track.ts';

const CLOCK_LABELS: Record<string, string> = {
  reg_z_acknowledge: 'Acknowledge your dispute in writing',
  reg_z_resolve: 'Resolve your dispute',
  reg_e_decide_or_provisionally_credit: 'Decide, or give you temporary credit',
  reg_e_tell_provisional_credit: 'Tell you about the temporary credit',
  reg_e_decide: 'Decide your dispute (with temporary credit)',
  courtesy_resolve: 'Answer your dispute',
};

export const money = (cents: number, currency = 'USD') => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

const hasPostedProvisional = (steps: readonly MoneyStepRow[]) => steps.some((s) => s.kind === 'provisional_credit' && s.state === 'posted');

/**
 * While a Regulation Z dispute is open, the disputed amount is not part of the amount due (12 CFR 1026.13(d)(1)).
 * LIMITATION: reported here only; statements, minimum due, autopay and late-fee assessment are not changed by
 * this module (the ledger's statements are out of scope) — whatever bills the account must subtract it.
 */
export function amountDueAdjustmentCents(d: Pick<DisputeWithCase, 'regulation' | 'handling' | 'status' | 'amount_cents'>): number {
  return d.regulation === 'reg_z' && d.handling === 'regulatory' && d.status === 'open' ? d.amount_cents : 0;
}

export function whatHappensNext(d: DisputeWithCase, steps: readonly MoneyStepRow[]): string[] {
  if (d.status === 'resolved') {
    return d.outcome === 'cardholder_favor'
      ? [`We decided in your favor. ${money(d.amount_cents, d.currency)} is credited to your account for good; the details are in the notice on case ${d.case_number}.`]
      : [`We found the charge was correct. The notice on case ${d.case_number} explains why; you may ask for the documents we relied on.`];
  }
  const h = headlineDeadlines(d.regulation, d.notice_received_on, d.clocks, hasPostedProvisional(steps));
  const out: string[] = [`We have sent you a written acknowledgment on case ${d.case_number}.`];
  if (d.handling === 'courtesy') out.push('Your dispute reached us after the 60-day window, so we are handling it as a courtesy, without the federal deadlines and protections.');
  if (d.regulation === 'reg_z' && d.handling === 'regulatory') {
    out.push(`While we investigate, you do not have to pay the disputed ${money(d.amount_cents, d.currency)} or interest on it; the rest of your balance is still due.`);
  }
  if (d.regulation === 'reg_e' && !hasPostedProvisional(steps) && 'provisionalCreditBy' in h) {
    out.push(`By ${plainDate(h.provisionalCreditBy as string)} we will either finish our investigation or give you temporary credit of ${money(d.amount_cents, d.currency)} while we keep looking.`);
  }
  if (d.network_status === 'intake' || d.network_status === 'evidence') out.push('We may challenge the charge with the merchant through the card network; we will ask you if we need anything more.');
  if (h.resolveBy) out.push(`We will tell you our decision in writing by ${plainDate(h.resolveBy)}.`);
  return out;
}

export function statusText(d: DisputeWithCase): string {
  if (d.status === 'resolved') return d.outcome === 'cardholder_favor' ? 'Resolved in your favor' : 'Resolved: the charge stands';
  return `Open — ${NETWORK_STATES[d.network_status].text}`;
}

function clocksView(clocks: readonly Deadline[]) {
  return clocks.map((c) => ({ name: String(c.name), label: CLOCK_LABELS[c.name] ?? String(c.name), dueOn: c.dueOn, citation: c.citation, metOn: c.metOn ?? null }));
}

export function disputeView(d: DisputeWithCase, steps: readonly MoneyStepRow[], today: IsoDate, forStaff: boolean) {
  const provisional = hasPostedProvisional(steps);
  const h = headlineDeadlines(d.regulation, d.notice_received_on, d.clocks, provisional);
  const base = {
    id: d.id,
    caseId: d.case_id,
    caseNumber: d.case_number,
    transactionId: d.transaction_id,
    status: d.status,
    outcome: d.outcome,
    statusText: statusText(d),
    reason: d.reason,
    reasonLabel: REASON_LABELS[d.reason],
    reasonCode: d.reason_code,
    amountCents: d.amount_cents,
    currency: d.currency,
    regulation: d.regulation,
    handling: d.handling,
    handlingExplanation: d.notice_window?.explanation ?? 'This account is not covered by Regulation Z or E; we handle the dispute under our own policy.',
    noticeReceivedOn: d.notice_received_on,
    deadlines: {
      acknowledgeBy: h.acknowledgeBy,
      resolveBy: h.resolveBy,
      ...('provisionalCreditBy' in h && h.provisionalCreditBy ? { provisionalCreditBy: h.provisionalCreditBy } : {}),
      ...('decideBy' in h && h.decideBy ? { decideBy: h.decideBy } : {}),
    },
    clocks: clocksView(d.clocks),
    warnings: d.status === 'open' ? deadlineWarnings(d.clocks, today, DEADLINE_WARN_BEFORE_DAYS) : [],
    network: { status: d.network_status, label: NETWORK_STATES[d.network_status].label, text: NETWORK_STATES[d.network_status].text },
    regulatory: { status: d.regulatory_status, label: REGULATORY_STATES[d.regulatory_status].label },
    amountDueAdjustmentCents: amountDueAdjustmentCents(d),
    moneySteps: steps.map((s) => ({ kind: s.kind, amountCents: s.amount_cents, state: s.state, at: s.created_at.toISOString(), reversedAt: s.reversed_at ? s.reversed_at.toISOString() : null })),
    whatHappensNext: whatHappensNext(d, steps),
    createdAt: d.created_at.toISOString(),
  };
  if (!forStaff) return base;
  return {
    ...base,
    customerId: d.customer_id,
    accountId: d.account_id,
    network: { ...base.network, profile: d.network, allowedActions: d.status === 'open' ? allowedNetworkActions(d.network_status) : [] },
    answers: d.answers,
    noticeWindow: d.notice_window,
    transferFacts: d.transfer_facts,
    moneySteps: steps.map((s) => ({ ...base.moneySteps.find((m) => m.at === s.created_at.toISOString() && m.kind === s.kind)!, reference: s.id, ledgerTransactionId: s.ledger_transaction_id })),
  };
}
export type DisputeView = ReturnType<typeof disputeView>;
