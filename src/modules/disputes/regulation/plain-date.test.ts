import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainDate } from './plain-date.ts';

describe('plain dates in notices', () => {
  it('names the weekday and month, whatever the process time zone', () => {
    const table: Array<[string, string]> = [
      ['2026-03-16', 'Monday, March 16, 2026'],
      ['2028-02-29', 'Tuesday, February 29, 2028'], // leap day
      ['2026-12-31', 'Thursday, December 31, 2026'],
      ['2027-01-01', 'Friday, January 1, 2027'],
      ['2026-07-03', 'Friday, July 3, 2026'],
    ];
    for (const [iso, words] of table) assert.equal(plainDate(iso), words, iso);
  });

  it('refuses what is not a calendar date rather than printing "Invalid Date"', () => {
    for (const bad of ['2026-3-16', '', '2026-03-16T00:00:00Z', 'soon']) assert.throws(() => plainDate(bad), RangeError, bad);
  });
});
