import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChargeFact, recurringMerchants } from './recurring-merchants.ts';

const NOW = new Date('2026-06-15T14:00:00Z');
const charge = (merchantName: string, iso: string, amountCents = 1_599, extra: Partial<ChargeFact> = {}): ChargeFact => ({ merchantName, amountCents, authorizedAt: new Date(iso), kind: 'purchase', direction: 'debit', status: 'posted', ...extra });

describe('recurring merchants', () => {
  const table: Array<{ name: string; charges: ChargeFact[]; recurring: boolean }> = [
    { name: 'monthly and still active', charges: [charge('StreamFlix', '2026-03-03T09:10:00Z'), charge('StreamFlix', '2026-04-03T09:10:00Z'), charge('StreamFlix', '2026-05-03T09:10:00Z'), charge('StreamFlix', '2026-06-03T09:10:00Z')], recurring: true },
    { name: 'monthly but stopped two months ago', charges: [charge('OldGym', '2026-02-10T09:00:00Z'), charge('OldGym', '2026-03-10T09:00:00Z'), charge('OldGym', '2026-04-10T09:00:00Z')], recurring: false },
    { name: 'weekly (too often)', charges: [charge('Cafe', '2026-06-01T09:00:00Z'), charge('Cafe', '2026-06-08T09:00:00Z'), charge('Cafe', '2026-06-15T09:00:00Z')], recurring: false },
    { name: 'once', charges: [charge('Airline', '2026-06-01T09:00:00Z')], recurring: false },
    { name: 'refunds and declines do not count', charges: [charge('Shop', '2026-05-01T09:00:00Z', 500, { kind: 'refund', direction: 'credit' }), charge('Shop', '2026-06-01T09:00:00Z', 500, { status: 'declined' })], recurring: false },
  ];
  for (const row of table) {
    it(`${row.name} → ${row.recurring ? 'listed' : 'not listed'}`, () => {
      assert.equal(recurringMerchants(row.charges, NOW).length > 0, row.recurring);
    });
  }
  it('describes what to update: typical amount, last charge and the next one expected', () => {
    const [m] = recurringMerchants(table[0]!.charges, NOW);
    assert.deepEqual({ ...m }, { merchantName: 'StreamFlix', typicalAmountCents: 1_599, lastChargedAt: '2026-06-03T09:10:00.000Z', nextExpectedAround: '2026-07-03', charges: 4 });
  });
});
