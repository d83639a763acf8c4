import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Earning } from './earn-engine.ts';
import type { RewardRules } from './earn-rules.ts';
import { type ExplainInput, explainPoints, type Reason } from './explain-points.ts';
import { pointsPostOn } from './posting-schedule.ts';

const RULES: RewardRules = { programName: 'P', baseRate: 1, postsAt: 'posting', excludedMccs: ['6051'], bonusCategories: [], promotions: [] };

const earning = (over: Partial<Earning> = {}): Earning => ({
  transactionId: 't1',
  day: '2026-05-20',
  outcome: 'earns',
  isPending: false,
  points: 140,
  category: null,
  bonusCents: 0,
  baseCents: 14_000,
  cap: null,
  reachedCap: null,
  promotions: [],
  refund: null,
  refundedBy: [],
  ...over,
});

const input = (e: Earning, over: Partial<ExplainInput> = {}): ExplainInput => ({
  rules: RULES,
  txn: { id: 't1', status: 'posted', kind: 'purchase', amountCents: 14_000, mcc: '5411', currency: 'USD' },
  earning: e,
  posting: { isDue: true, on: '2026-05-21' },
  postedPoints: 140,
  discrepancy: null,
  ...over,
});

const CAP = { categoryId: 'sm', categoryLabel: 'US supermarkets', period: '2026-Q2', capCents: 600_000, reachedOn: '2026-05-16', reachedByTransactionId: 't0', spendBeforeCents: 586_746, spendAfterCents: 602_523 };

describe('the reason for a transaction’s points, first that applies', () => {
  const cases: Array<[string, ExplainInput, Reason, RegExp]> = [
    ['declined', input(earning({ outcome: 'void', points: 0 })), 'declined', /declined or cancelled/],
    ['the ledger disagrees: the case is named', input(earning({ cap: CAP, category: { id: 'sm', label: 'US supermarkets', rate: 6 } }), { postedPoints: 100, discrepancy: { caseNumber: 'AX-1001' } }), 'ledger_mismatch', /140 points for this transaction but 100 points posted\. We opened case AX-1001/],
    ['pending comes before everything the rules say', input(earning({ isPending: true, cap: CAP }), { posting: null, postedPoints: 0 }), 'pending', /still pending.*should earn 140 points/],
    ['posts at statement close, with the date', input(earning(), { posting: { isDue: false, on: '2026-06-28' }, postedPoints: 0 }), 'posts_at_statement_close', /will post on June 28, 2026/],
    ['refunded purchase', input(earning({ refundedBy: [{ transactionId: 'r1', day: '2026-05-25', cents: 14_000, points: 140, isPending: false }] })), 'refunded', /refunded \(\$140\.00\) on May 25, 2026, which took back 140 points/],
    ['a pending refund does not count yet', input(earning({ refundedBy: [{ transactionId: 'r1', day: '2026-05-25', cents: 14_000, points: 140, isPending: true }] })), 'earned', /earned 140 points/],
    ['not a purchase', input(earning({ outcome: 'not_a_purchase', points: 0 }), { postedPoints: 0 }), 'not_a_purchase', /Only purchases earn points/],
    ['excluded category', input(earning({ outcome: 'excluded', points: 0 }), { postedPoints: 0, txn: { id: 't1', status: 'posted', kind: 'purchase', amountCents: 14_000, mcc: '6051', currency: 'USD' } }), 'category_not_eligible', /merchant category 6051/],
    ['cap reached, with the day and the spend', input(earning({ cap: CAP, category: { id: 'sm', label: 'US supermarkets', rate: 6 } })), 'cap_reached', /\$6,000\.00 of spend in Q2 2026\. You reached that on May 16, 2026 \(spend went from \$5,867\.46 to \$6,025\.23\)/],
    ['promotion not enrolled', input(earning({ promotions: [{ id: 'd', name: 'Dining bonus', enrolled: false, extraPoints: 280 }] })), 'promotion_not_enrolled', /would have added 280 points/],
    ['earned', input(earning()), 'earned', /earned 140 points at the base rate/],
  ];
  for (const [name, given, reason, message] of cases) {
    it(name, () => {
      const out = explainPoints(given);
      assert.equal(out.reason, reason);
      assert.match(out.detail.message, message);
    });
  }
  it('a refund transaction says what it took back', () => {
    const out = explainPoints(input(earning({ outcome: 'refund', points: -140, refund: { ofTransactionId: 'p1', found: true, refundedCents: 14_000, bonusRoomRestoredCents: 0 } }), { postedPoints: -140 }));
    assert.deepEqual([out.reason, out.expectedPoints, out.detail.pointsReversed, out.detail.purchaseTransactionId], ['refunded', -140, 140, 'p1']);
  });
});

describe('when points post', () => {
  const statements = [
    { periodStart: '2026-04-16', closingDate: '2026-05-15' },
    { periodStart: '2026-05-16', closingDate: '2026-06-15' },
  ];
  const table: Array<[string, 'posting' | 'statement_close', string, string, { isDue: boolean; on: string }]> = [
    ['on posting: the posting day', 'posting', '2026-06-10', '2026-06-15', { isDue: true, on: '2026-06-10' }],
    ['statement close: the closing day of its statement', 'statement_close', '2026-05-15', '2026-06-20', { isDue: true, on: '2026-05-15' }],
    ['the first day of a cycle belongs to that cycle', 'statement_close', '2026-05-16', '2026-06-20', { isDue: true, on: '2026-06-15' }],
    ['open cycle: not due, the next closing on the cycle day', 'statement_close', '2026-06-16', '2026-06-20', { isDue: false, on: '2026-07-15' }],
    ['open cycle across the year end', 'statement_close', '2026-12-20', '2026-12-21', { isDue: false, on: '2027-01-15' }],
  ];
  for (const [name, postsAt, postedOn, today, expected] of table) {
    it(name, () => assert.deepEqual(pointsPostOn({ postsAt }, postedOn, today, statements, 15), expected));
  }
});
