import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { computeSla, type SlaClock } from './index.ts';
import { CORPUS_CALENDARS, slaCorpus } from './sla-corpus.ts';

// Outputs recorded from computeSla before the per-day interval cache and the allocation-free replay
// (see sla-corpus.ts): due times, breaches, remaining minutes and met times must not move by a millisecond.
const recorded = JSON.parse(readFileSync(new URL('./compute-sla.corpus.json', import.meta.url), 'utf8')) as unknown[][];
const encode = (c: SlaClock) => [c.targetMinutes, c.dueAt?.getTime() ?? null, c.breached, c.breachedAt?.getTime() ?? null, c.remainingMinutes, c.paused, c.met, c.metAt?.getTime() ?? null];

describe('computeSla on a recorded corpus of 600 histories', () => {
  const calendars = new Map(CORPUS_CALENDARS);
  const corpus = slaCorpus();
  it('has one recorded result per generated history', () => assert.equal(recorded.length, corpus.length));
  it('gives the recorded clocks for every history', () => {
    corpus.forEach((k, i) => {
      const s = computeSla(k.policy, calendars.get(k.calendar)!, k.history, k.now);
      const where = `#${i} ${k.calendar} now=${k.now.toISOString()} ${k.history.map((e) => `${e.type}@${e.at.toISOString()}`).join(' ')}`;
      assert.deepEqual([encode(s.firstResponse), encode(s.nextResponse), encode(s.resolution)], recorded[i], where);
    });
  });
});
