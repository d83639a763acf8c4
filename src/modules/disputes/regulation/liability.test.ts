import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { US_FEDERAL_RESERVE } from '../../calendars/index.ts';
import { liabilityFor, type LiabilityInput } from './index.ts';

const FED = US_FEDERAL_RESERVE;

// [why, input, tier, regulatory cap, effective cap, liability, later transfers uncapped]
type Row = [string, LiabilityInput, string, number | null, number | null, number | null, boolean];
const table: Row[] = [
  ['Reg Z: lesser of $50 or the amount', { regulation: 'reg_z', reportedOn: '2026-03-10', unauthorizedAmountCents: 12_000 }, 'reg_z', 5_000, 5_000, 5_000, false],
  ['Reg Z: an amount under $50 is owed in full at most', { regulation: 'reg_z', reportedOn: '2026-03-10', unauthorizedAmountCents: 3_000 }, 'reg_z', 5_000, 5_000, 3_000, false],
  ['Reg Z with the issuer’s $0 promise', { regulation: 'reg_z', reportedOn: '2026-03-10', unauthorizedAmountCents: 12_000, issuerPromiseCents: 0 }, 'reg_z', 5_000, 0, 0, false],
  // Learned Wed Nov 25 2026: 2 business days = [26 Thanksgiving] Fri 27 (1), Mon 30 (2).
  ['Reg E: card loss reported on the 2nd business day → $50', { regulation: 'reg_e', learnedOfLossOn: '2026-11-25', reportedOn: '2026-11-30', unauthorizedAmountCents: 80_000 }, 'reg_e_timely_loss_report', 5_000, 5_000, 5_000, false],
  ['Reg E: reported on the 3rd business day → up to $500', { regulation: 'reg_e', learnedOfLossOn: '2026-11-25', reportedOn: '2026-12-01', unauthorizedAmountCents: 80_000 }, 'reg_e_late_loss_report', 50_000, 50_000, 50_000, false],
  ['Reg E late report with the $0 promise', { regulation: 'reg_e', learnedOfLossOn: '2026-11-25', reportedOn: '2026-12-01', issuerPromiseCents: 0 }, 'reg_e_late_loss_report', 50_000, 0, null, false],
  // Statement sent Jan 15; + 60 = Mar 16. Reported Mar 20 → transfers after Mar 16 are uncapped.
  ['Reg E: card details used, nothing lost, reported within 60 days of the statement → $0', { regulation: 'reg_e', firstStatementSentOn: '2026-01-15', reportedOn: '2026-03-16', unauthorizedAmountCents: 20_000 }, 'reg_e_no_device_loss', 0, 0, 0, false],
  ['Reg E: reported after the statement’s 60 days → later transfers uncapped', { regulation: 'reg_e', firstStatementSentOn: '2026-01-15', reportedOn: '2026-03-20', unauthorizedAmountCents: 20_000 }, 'reg_e_no_device_loss', 0, null, 20_000, true],
  ['Reg E, after 60 days, but the $0 promise covers it', { regulation: 'reg_e', firstStatementSentOn: '2026-01-15', reportedOn: '2026-03-20', unauthorizedAmountCents: 20_000, issuerPromiseCents: 0 }, 'reg_e_no_device_loss', 0, 0, 0, true],
  ['a promise worse than the regulation does not apply', { regulation: 'reg_z', reportedOn: '2026-03-10', issuerPromiseCents: 10_000 }, 'reg_z', 5_000, 5_000, null, false],
  ['a merchant account: no regulatory cap', { regulation: 'none', reportedOn: '2026-03-10', unauthorizedAmountCents: 7_500 }, 'not_covered', null, null, 7_500, false],
];

describe('liabilityFor: Reg Z 1026.12(b), Reg E 1005.6(b), and the issuer’s promise where better', () => {
  for (const [why, input, tier, regulatoryCap, cap, liability, uncapped] of table) {
    it(why, () => {
      const l = liabilityFor(input, FED);
      assert.equal(l.tier, tier);
      assert.equal(l.regulatoryCapCents, regulatoryCap);
      assert.equal(l.capCents, cap);
      assert.equal(l.liabilityCents, liability);
      assert.equal(l.laterTransfersUncapped, uncapped);
    });
  }

  it('explains the promise or the law in plain words', () => {
    assert.match(liabilityFor({ regulation: 'reg_z', reportedOn: '2026-03-10', issuerPromiseCents: 0 }, FED).explanation, /\$0 liability promise/);
    assert.match(liabilityFor({ regulation: 'reg_z', reportedOn: '2026-03-10' }, FED).explanation, /By law you pay at most \$50/);
    assert.match(
      liabilityFor({ regulation: 'reg_e', firstStatementSentOn: '2026-01-15', reportedOn: '2026-03-20' }, FED).explanation,
      /up to 2026-03-16; charges after that day, more than 60 days after the statement/,
    );
  });

  it('rejects amounts that are not whole cents', () => {
    assert.throws(() => liabilityFor({ regulation: 'reg_z', reportedOn: '2026-03-10', unauthorizedAmountCents: 10.5 }, FED), RangeError);
    assert.throws(() => liabilityFor({ regulation: 'reg_z', reportedOn: '2026-03-10', issuerPromiseCents: -1 }, FED), RangeError);
  });
});
