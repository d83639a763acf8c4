import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type FeeRefundPolicy, quoteFeeRefund, sameDayNextYear } from './quote-fee-refund.ts';

const daily: FeeRefundPolicy = { fullRefundDays: 30, prorate: 'daily', deductBenefits: false, approvalAboveCents: 50_000 };

describe('sameDayNextYear', () => {
  for (const [from, to] of [
    ['2026-05-26', '2027-05-26'],
    ['2028-02-29', '2029-02-28'], // a leap day rolls back to the end of February
    ['2027-02-28', '2028-02-28'],
    ['2027-01-31', '2028-01-31'],
    ['2026-12-31', '2027-12-31'],
    ['2099-02-28', '2100-02-28'], // 2100 is not a leap year
  ] as const) {
    test(`${from} → ${to}`, () => assert.equal(sameDayNextYear(from), to));
  }
});

describe('annual-fee refund quote', () => {
  // Expected values worked by hand: fee × unused ÷ days, rounded down.
  const cases: Array<{ name: string; input: Parameters<typeof quoteFeeRefund>[0]; refund: number; days?: [number, number, number]; window: boolean }> = [
    {
      name: 'closing on the last day of the window refunds the whole fee',
      input: { policy: daily, feeCents: 32_500, feePostedOn: '2026-05-26', statementClosingDate: '2026-06-05', closeOn: '2026-07-05', benefitsUsed: [] },
      refund: 32_500,
      window: true,
    },
    {
      name: 'one day after the window prorates by day (41 of 365 days used)',
      input: { policy: daily, feeCents: 32_500, feePostedOn: '2026-05-26', statementClosingDate: '2026-06-05', closeOn: '2026-07-06', benefitsUsed: [] },
      refund: 28_849, // 32500 × 324 ÷ 365 = 28849.3
      days: [365, 41, 324],
      window: false,
    },
    {
      name: 'a fee year spanning Feb 29 has 366 days',
      input: { policy: daily, feeCents: 36_600, feePostedOn: '2027-06-01', statementClosingDate: '2027-06-10', closeOn: '2027-12-01', benefitsUsed: [] },
      refund: 18_300, // 36600 × 183 ÷ 366
      days: [366, 183, 183],
      window: false,
    },
    {
      name: 'a fee posted on Feb 29 runs to Feb 28 (365 days)',
      input: { policy: { ...daily, fullRefundDays: 0 }, feeCents: 36_500, feePostedOn: '2028-02-29', statementClosingDate: '2028-03-05', closeOn: '2028-03-06', benefitsUsed: [] },
      refund: 35_900, // 36500 × 359 ÷ 365
      days: [365, 6, 359],
      window: false,
    },
    {
      name: 'a fee posted on Jan 31 counts the short February (36 days used by Mar 8)',
      input: { policy: daily, feeCents: 12_000, feePostedOn: '2027-01-31', statementClosingDate: '2027-02-05', closeOn: '2027-03-08', benefitsUsed: [] },
      refund: 10_816, // 12000 × 329 ÷ 365 = 10816.4
      days: [365, 36, 329],
      window: false,
    },
    {
      name: 'closing after the fee year ends refunds nothing',
      input: { policy: daily, feeCents: 12_000, feePostedOn: '2027-01-31', statementClosingDate: '2027-02-05', closeOn: '2028-02-01', benefitsUsed: [] },
      refund: 0,
      days: [365, 365, 0],
      window: false,
    },
    {
      name: 'while the fee is in the open cycle the window has not started: full refund',
      input: { policy: daily, feeCents: 89_500, feePostedOn: '2026-06-10', statementClosingDate: null, closeOn: '2026-12-01', benefitsUsed: [] },
      refund: 89_500,
      window: true,
    },
    {
      name: 'no proration after the window when the policy says none',
      input: { policy: { ...daily, prorate: 'none', deductBenefits: true }, feeCents: 9_500, feePostedOn: '2026-01-10', statementClosingDate: '2026-01-20', closeOn: '2026-02-20', benefitsUsed: [{ label: 'Lounge', amountCents: 100, usedOn: '2026-01-15' }] },
      refund: 0,
      window: false,
    },
    {
      name: 'benefits used in the fee year are deducted; earlier ones are not',
      input: {
        policy: { ...daily, deductBenefits: true },
        feeCents: 89_500,
        feePostedOn: '2026-05-26',
        statementClosingDate: null,
        closeOn: '2026-06-20',
        benefitsUsed: [
          { label: 'Airport lounge visit', amountCents: 20_000, usedOn: '2026-06-01' },
          { label: 'Travel credit', amountCents: 5_000, usedOn: '2026-05-01' },
          { label: 'Hotel credit', amountCents: 7_000, usedOn: '2026-06-25' }, // after the close date
        ],
      },
      refund: 69_500,
      window: true,
    },
    {
      name: 'deductions stop at zero',
      input: { policy: { ...daily, fullRefundDays: 0, deductBenefits: true }, feeCents: 36_500, feePostedOn: '2028-02-29', statementClosingDate: '2028-03-05', closeOn: '2028-03-06', benefitsUsed: [{ label: 'Lounge', amountCents: 50_000, usedOn: '2028-03-01' }] },
      refund: 0,
      window: false,
    },
    {
      name: 'benefits are ignored when the policy does not deduct them',
      input: { policy: daily, feeCents: 32_500, feePostedOn: '2026-05-26', statementClosingDate: '2026-06-05', closeOn: '2026-06-20', benefitsUsed: [{ label: 'Lounge', amountCents: 10_000, usedOn: '2026-06-01' }] },
      refund: 32_500,
      window: true,
    },
  ];

  for (const c of cases) {
    test(c.name, () => {
      const q = quoteFeeRefund(c.input);
      assert.equal(q.refundCents, c.refund);
      assert.equal(q.inFullRefundWindow, c.window);
      if (c.days) assert.deepEqual([q.daysInFeeYear, q.daysUsed, q.daysUnused], c.days);
      // The lines add up: fee line first, total last, and the total is the gross less the deductions.
      assert.equal(q.lines[0]?.kind, 'fee');
      const total = q.lines.at(-1)!;
      assert.equal(total.kind, 'total');
      assert.equal(total.amountCents, c.refund);
      const middle = q.lines.slice(1, -1).reduce((sum, l) => sum + l.amountCents, 0);
      assert.equal(middle, c.refund);
    });
  }

  test('the window line names the statement and the last day', () => {
    const q = quoteFeeRefund(cases[0]!.input);
    assert.equal(q.fullRefundThrough, '2026-07-05');
    assert.match(q.lines[1]!.label, /within 30 days after the statement of 2026-06-05 \(through 2026-07-05\)/);
  });

  test('a capped deduction says so', () => {
    const q = quoteFeeRefund(cases[9]!.input);
    const benefit = q.lines.find((l) => l.kind === 'benefit')!;
    assert.equal(benefit.amountCents, -35_900);
    assert.match(benefit.label, /deduction stops at the refund/);
  });
});
