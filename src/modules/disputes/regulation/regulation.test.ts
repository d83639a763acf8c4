import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccountKind } from '../../banking/index.ts';
import { regulationFor } from './index.ts';

describe('regulationFor: the regulation follows the product', () => {
  const table: Array<[AccountKind, string, string]> = [
    ['credit', 'reg_z', 'credit card: 12 CFR 1026.13'],
    ['charge', 'reg_z', 'a charge card is a credit card (12 CFR 1026.2(a)(15))'],
    ['debit', 'reg_e', 'debit card on an asset account: 12 CFR 1005.11'],
    ['prepaid', 'reg_e', 'prepaid accounts are accounts under 12 CFR 1005.2(b)(3)'],
    ['deposit', 'reg_e', 'deposit account EFTs: 12 CFR 1005.11'],
    ['merchant', 'none', 'a merchant account is a business account: no consumer regulation'],
  ];
  for (const [kind, expected, why] of table) {
    it(`${kind} → ${expected} (${why})`, () => assert.equal(regulationFor(kind), expected));
  }
});
