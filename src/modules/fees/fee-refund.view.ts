import type { FeeRefundRow } from './fees.repo.ts';
import type { FeeRefundView } from './fees.schema.ts';
import { formatMoney } from './quote-fee-refund.ts';

export function statusMessage(row: Pick<FeeRefundRow, 'status' | 'refund_cents' | 'close_on' | 'case_number'>, currency = 'USD'): string {
  const amount = formatMoney(row.refund_cents, currency);
  switch (row.status) {
    case 'credited':
      return `Your account closed on ${row.close_on} and ${amount} of the annual fee was credited to it (case ${row.case_number}).`;
    case 'pending_approval':
      return `Your account closed on ${row.close_on}. A refund of ${amount} is waiting for a supervisor's approval; you will get a secure message when it is decided (case ${row.case_number}).`;
    case 'rejected':
      return `Your account closed on ${row.close_on}. The fee refund was not approved; the reason is in your secure messages (case ${row.case_number}).`;
    case 'nothing_due':
      return `Your account closed on ${row.close_on}. Under your card's fee policy no part of the annual fee is refunded on that date (case ${row.case_number}).`;
  }
}

export function feeRefundView(row: FeeRefundRow): FeeRefundView {
  return {
    id: row.id,
    accountId: row.account_id,
    status: row.status,
    message: statusMessage(row),
    closeOn: row.close_on,
    feeCents: row.fee_cents,
    refundCents: row.refund_cents,
    lines: row.quote.map((l) => ({ kind: l.kind, label: l.label, amountCents: l.amountCents })),
    caseId: row.case_id,
    caseNumber: row.case_number,
    ledgerTransactionId: row.ledger_transaction_id,
    requestedAt: row.requested_at.toISOString(),
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decisionNote: row.decision_note,
  };
}
