import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonths, anniversaries, closingDaysBefore, dayFromIso, isoDay, quarterOf } from './calendar.ts';
import { createRng } from './prng.ts';

const d = dayFromIso;

describe('demo calendar', () => {
  it('lists the closing days strictly before a date, oldest first, across a year end', () => {
    assert.deepEqual(closingDaysBefore(15, d('2026-02-15'), 3).map(isoDay), ['2025-11-15', '2025-12-15', '2026-01-15']);
    assert.deepEqual(closingDaysBefore(15, d('2026-02-16'), 2).map(isoDay), ['2026-01-15', '2026-02-15']);
    assert.equal(closingDaysBefore(28, d('2026-06-15'), 13).length, 13);
  });

  it('adds months, falling back to the last day of shorter months', () => {
    assert.equal(isoDay(addMonths(d('2024-02-29'), 12)), '2025-02-28');
    assert.equal(isoDay(addMonths(d('2026-01-31'), 1)), '2026-02-28');
    assert.equal(isoDay(addMonths(d('2026-05-26'), -48)), '2022-05-26');
  });

  it('finds anniversaries inside a window', () => {
    assert.deepEqual(anniversaries(d('2020-05-20'), d('2025-05-10'), d('2026-06-15')).map(isoDay), ['2025-05-20', '2026-05-20']);
    assert.deepEqual(anniversaries(d('2025-06-20'), d('2025-06-01'), d('2026-06-15')).map(isoDay), []);
  });

  it('knows calendar quarters', () => {
    const q = quarterOf(d('2026-06-15'));
    assert.deepEqual([isoDay(q.start), isoDay(q.end), q.label], ['2026-04-01', '2026-06-30', '2026-Q2']);
  });
});

describe('seeded random numbers', () => {
  it('repeat for a seed and differ between seeds and forks', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    assert.deepEqual(draw(1), draw(1));
    assert.notDeepEqual(draw(1), draw(2));
    const root = createRng(1);
    assert.notDeepEqual(Array.from({ length: 3 }, root.fork('a').next), Array.from({ length: 3 }, root.fork('b').next));
  });

  it('keeps integers inside their bounds', () => {
    const rng = createRng(99);
    for (let i = 0; i < 1_000; i++) {
      const n = rng.int(3, 7);
      assert.ok(Number.isInteger(n) && n >= 3 && n <= 7);
    }
  });
});
