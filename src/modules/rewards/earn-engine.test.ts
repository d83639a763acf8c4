import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeEarnings, type EarnTransaction, promotionPoints } from './earn-engine.ts';
import { periodOf, type RewardRules, splitPoints } from './earn-rules.ts';

const RULES: RewardRules = {
  programName: 'Test points',
  baseRate: 1,
  postsAt: 'posting',
  excludedMccs: ['6051'],
  bonusCategories: [
    { id: 'us_supermarkets', label: 'US supermarkets', mccs: ['5411'], merchantCountries: ['US'], rate: 6, cap: { amountCents: 600_000, period: 'quarter' } },
    { id: 'restaurants', label: 'Restaurants', mccs: ['5812'], rate: 4, cap: { amountCents: 100_000, period: 'year' } },
    { id: 'gas', label: 'Gas', mccs: ['5541'], rate: 3 },
  ],
  promotions: [{ id: 'cafe_bonus', name: 'Café bonus', description: 'x', mccs: ['5814'], extraRate: 2, startsOn: '2026-01-01', endsOn: '2026-12-31', requiresEnrollment: true }],
};

let seq = 0;
type Spec = Partial<EarnTransaction> & { day: string; cents: number };
function txn(s: Spec): EarnTransaction {
  seq += 1;
  const { cents, ...rest } = s;
  return { id: `t${String(seq).padStart(3, '0')}`, kind: 'purchase', direction: 'debit', status: 'posted', mcc: '5411', merchantCountry: 'US', refundOf: null, at: new Date(`${s.day}T17:00:00Z`), amountCents: cents, ...rest };
}
const refund = (of: EarnTransaction, day: string, cents: number) => txn({ day, cents, kind: 'refund', direction: 'credit', refundOf: of.id, mcc: of.mcc, at: new Date(`${day}T18:00:00Z`) });
const run = (txns: EarnTransaction[], enrollments = new Map<string, Date>()) => computeEarnings(RULES, txns, enrollments);

describe('earn rules arithmetic', () => {
  const table: Array<[string, number, number, number, number, number]> = [
    ['whole dollars at 6x', 5_420, 6, 0, 1, 325], // $54.20 × 6 = 325.2 → 325 (floor per transaction)
    ['under a dollar at 1x earns nothing', 99, 1, 0, 1, 0],
    ['fractional rate 1.5x', 1_001, 1.5, 0, 1, 15],
    ['split floored once, not per part', 150, 6, 150, 1, 10], // 9 + 1.5 = 10.5 → 10 (per part would be 9 + 1)
  ];
  for (const [name, bonus, rate, base, baseRate, expected] of table) {
    it(name, () => assert.equal(splitPoints(bonus, rate, base, baseRate), expected));
  }
  it('periods: quarters and years by calendar day', () => {
    assert.deepEqual(periodOf('2026-03-31', 'quarter'), { label: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    assert.deepEqual(periodOf('2026-04-01', 'quarter'), { label: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    assert.equal(periodOf('2026-12-31', 'quarter').label, '2026-Q4');
    assert.equal(periodOf('2027-01-01', 'year').label, '2027');
  });
});

describe('bonus caps at their boundary', () => {
  const cases: Array<{ name: string; amounts: number[]; days?: string[]; expect: Array<{ points: number; bonus: number; base: number; capped: boolean }> }> = [
    {
      name: 'spend exactly at the cap earns the bonus on every cent; the next purchase earns the base rate',
      amounts: [300_000, 300_000, 1_000],
      expect: [
        { points: 18_000, bonus: 300_000, base: 0, capped: false },
        { points: 18_000, bonus: 300_000, base: 0, capped: false },
        { points: 10, bonus: 0, base: 1_000, capped: true },
      ],
    },
    {
      name: 'one cent over the cap: that cent earns the base rate',
      amounts: [300_000, 300_001],
      expect: [
        { points: 18_000, bonus: 300_000, base: 0, capped: false },
        { points: 18_000, bonus: 300_000, base: 1, capped: true },
      ],
    },
    {
      name: 'the purchase that crosses the cap is split',
      amounts: [550_000, 100_000, 20_000],
      expect: [
        { points: 33_000, bonus: 550_000, base: 0, capped: false },
        { points: 3_500, bonus: 50_000, base: 50_000, capped: true },
        { points: 200, bonus: 0, base: 20_000, capped: true },
      ],
    },
    {
      name: 'a new quarter starts a new cap (March 31 → April 1)',
      amounts: [600_000, 10_000, 10_000],
      days: ['2026-03-30', '2026-03-31', '2026-04-01'],
      expect: [
        { points: 36_000, bonus: 600_000, base: 0, capped: false },
        { points: 100, bonus: 0, base: 10_000, capped: true },
        { points: 600, bonus: 10_000, base: 0, capped: false },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const txns = c.amounts.map((cents, i) => txn({ day: c.days?.[i] ?? `2026-05-${String(10 + i).padStart(2, '0')}`, cents }));
      const out = run(txns);
      c.expect.forEach((x, i) => {
        const e = out.get(txns[i]?.id ?? '');
        assert.ok(e);
        assert.deepEqual({ points: e.points, bonus: e.bonusCents, base: e.baseCents, capped: e.cap !== null }, x, `purchase ${i + 1}`);
      });
    });
  }

  it('names the day the cap was reached and the spend before and after it', () => {
    const txns = [txn({ day: '2026-05-02', cents: 590_000 }), txn({ day: '2026-05-16', cents: 25_000 }), txn({ day: '2026-05-20', cents: 14_000 })];
    const later = run(txns).get(txns[2]?.id ?? '');
    assert.deepEqual(later?.cap, { categoryId: 'us_supermarkets', categoryLabel: 'US supermarkets', period: '2026-Q2', capCents: 600_000, reachedOn: '2026-05-16', reachedByTransactionId: txns[1]?.id, spendBeforeCents: 590_000, spendAfterCents: 615_000 });
  });

  it('the purchase that lands exactly on the cap reaches it without being capped itself', () => {
    const txns = [txn({ day: '2026-05-01', cents: 400_000 }), txn({ day: '2026-05-02', cents: 200_000 })];
    const out = run(txns);
    const second = out.get(txns[1]?.id ?? '');
    assert.equal(second?.cap, null);
    assert.equal(second?.reachedCap?.reachedOn, '2026-05-02');
    assert.equal(out.get(txns[0]?.id ?? '')?.reachedCap, null);
  });

  it('a yearly cap runs to December 31 and starts again on January 1', () => {
    const txns = [txn({ day: '2026-12-31', cents: 100_000, mcc: '5812' }), txn({ day: '2026-12-31', cents: 5_000, mcc: '5812' }), txn({ day: '2027-01-01', cents: 5_000, mcc: '5812' })];
    const out = run(txns);
    assert.deepEqual(txns.map((t) => out.get(t.id)?.points), [4_000, 50, 200]);
  });

  it('declined purchases use no cap room; pending ones are computed and flagged', () => {
    const txns = [txn({ day: '2026-05-01', cents: 600_000, status: 'declined' }), txn({ day: '2026-05-02', cents: 10_000, status: 'authorized' })];
    const out = run(txns);
    assert.equal(out.get(txns[0]?.id ?? '')?.outcome, 'void');
    assert.deepEqual([out.get(txns[1]?.id ?? '')?.points, out.get(txns[1]?.id ?? '')?.isPending], [600, true]);
  });

  it('categories need the right merchant country; excluded codes and non-purchases earn nothing', () => {
    const txns = [txn({ day: '2026-05-01', cents: 10_000, merchantCountry: 'CA' }), txn({ day: '2026-05-02', cents: 10_000, mcc: '6051' }), txn({ day: '2026-05-03', cents: 10_000, kind: 'fee' }), txn({ day: '2026-05-04', cents: 10_000, mcc: '5541' })];
    const out = run(txns);
    assert.deepEqual(txns.map((t) => [out.get(t.id)?.outcome, out.get(t.id)?.points]), [['earns', 100], ['excluded', 0], ['not_a_purchase', 0], ['earns', 300]]);
  });
});

describe('refunds reverse the points the purchase earned', () => {
  it('across the cap: base-rate cents come back first, then bonus cents, whose room reopens', () => {
    const a = txn({ day: '2026-05-01', cents: 550_000 });
    const b = txn({ day: '2026-05-02', cents: 100_000 }); // 50,000 at 6x + 50,000 at 1x = 3,500
    const r = refund(b, '2026-05-05', 60_000); // 50,000 base (500) + 10,000 bonus (600)
    const c = txn({ day: '2026-05-06', cents: 20_000 }); // 10,000 of reopened room at 6x + 10,000 at 1x
    const out = run([a, b, r, c]);
    assert.equal(out.get(r.id)?.points, -1_100);
    assert.deepEqual(out.get(r.id)?.refund, { ofTransactionId: b.id, found: true, refundedCents: 60_000, bonusRoomRestoredCents: 10_000 });
    assert.equal(out.get(c.id)?.points, 700);
    assert.equal(out.get(c.id)?.cap?.reachedOn, '2026-05-06', 'the cap is reached again by the later purchase');
    assert.deepEqual(out.get(b.id)?.refundedBy, [{ transactionId: r.id, day: '2026-05-05', cents: 60_000, points: 1_100, isPending: false }]);
  });

  it('partial refunds never give back more than the purchase earned, and add up to it', () => {
    const b = txn({ day: '2026-05-02', cents: 100_001, mcc: '5541' }); // 3,000.03 → 3,000
    const parts = [refund(b, '2026-05-03', 33_333), refund(b, '2026-05-04', 33_333), refund(b, '2026-05-05', 33_333), refund(b, '2026-05-06', 5_000)];
    const out = run([b, ...parts]);
    const reversed = parts.map((p) => out.get(p.id)?.points ?? 0);
    assert.equal(reversed.reduce((s, p) => s + p, 0), -3_000);
    assert.deepEqual(parts.map((p) => out.get(p.id)?.refund?.refundedCents), [33_333, 33_333, 33_333, 2]);
  });

  it('a refund in a later quarter gives back the original quarter’s room, not the new quarter’s', () => {
    const a = txn({ day: '2026-03-20', cents: 600_000 });
    const b = txn({ day: '2026-04-01', cents: 600_000 });
    const r = refund(a, '2026-04-02', 100_000);
    const c = txn({ day: '2026-04-03', cents: 10_000 });
    const out = run([a, b, r, c]);
    assert.equal(out.get(r.id)?.points, -6_000);
    assert.equal(out.get(c.id)?.points, 100, 'Q2 is still full');
  });

  it('a refund of an unknown purchase reverses nothing and says so', () => {
    const r = txn({ day: '2026-05-03', cents: 5_000, kind: 'refund', direction: 'credit', refundOf: 'txn_missing' });
    assert.deepEqual(run([r]).get(r.id)?.refund, { ofTransactionId: 'txn_missing', found: false, refundedCents: 0, bonusRoomRestoredCents: 0 });
  });
});

describe('promotions need enrollment before the purchase', () => {
  const table: Array<[string, string | null, number]> = [
    ['not enrolled: no extra points', null, 0],
    ['enrolled after the purchase: none', '2026-05-03T00:00:00Z', 0],
    ['enrolled before: 2 extra points per dollar', '2026-05-01T00:00:00Z', 100],
  ];
  for (const [name, enrolledAt, extra] of table) {
    it(name, () => {
      const t = txn({ day: '2026-05-02', cents: 5_000, mcc: '5814' });
      const enrollments = new Map(enrolledAt ? [['cafe_bonus', new Date(enrolledAt)]] : []);
      const e = run([t], enrollments).get(t.id);
      assert.ok(e);
      assert.equal(e.points, 50);
      assert.equal(promotionPoints(e), extra);
      assert.equal(e.promotions[0]?.extraPoints, 100, 'what the promotion gives is known either way');
    });
  }
  it('a refund takes back the promotion points too', () => {
    const t = txn({ day: '2026-05-02', cents: 5_000, mcc: '5814' });
    const r = refund(t, '2026-05-04', 5_000);
    const e = run([t, r], new Map([['cafe_bonus', new Date('2026-01-05T00:00:00Z')]])).get(r.id);
    assert.deepEqual([e?.points, e && promotionPoints(e)], [-50, -100]);
  });
});
