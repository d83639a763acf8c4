import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isForeignInitiated, isNewAccountTransfer } from './index.ts';

describe('isNewAccountTransfer: within 30 days after the first deposit (12 CFR 1005.11(c)(3))', () => {
  // First deposit 2026-01-10; + 30 = 2026-02-09 (Jan 31 is +21, Feb 9 is +30).
  const table: Array<[string | null, string, boolean, string]> = [
    ['2026-01-10', '2026-01-10', true, 'the first deposit day itself'],
    ['2026-01-10', '2026-02-09', true, 'day 30 is still within'],
    ['2026-01-10', '2026-02-10', false, 'day 31 is not'],
    ['2028-02-01', '2028-03-02', true, 'leap year: Feb 1 + 30 = Mar 2'],
    [null, '2026-05-01', true, 'no first deposit yet'],
  ];
  for (const [first, transfer, expected, why] of table) {
    it(`${first} → ${transfer}: ${expected} (${why})`, () => assert.equal(isNewAccountTransfer(first, transfer), expected));
  }
});

describe('isForeignInitiated: not initiated within a State (12 CFR 1005.2(l))', () => {
  const table: Array<[string | null, boolean, string]> = [
    ['US', false, 'United States'],
    ['pr', false, 'Puerto Rico counts as a State (any case)'],
    ['GU', false, 'Guam, a territory'],
    ['GB', true, 'United Kingdom'],
    ['MX', true, 'Mexico'],
    [null, false, 'unknown is treated as domestic (the shorter period)'],
  ];
  for (const [country, expected, why] of table) {
    it(`${country} → ${expected} (${why})`, () => assert.equal(isForeignInitiated(country), expected));
  }
});
