import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectOutboundSensitiveRequest } from './detect-outbound-request.ts';
import { corpusDigest, inboundCorpus, outputDigest } from './inbound-corpus.fixtures.ts';
import { SAFETY_FIXTURE } from './record-inbound-corpus.ts';
import { redactInbound } from './redact-inbound.ts';

// Differential test: the outputs on a generated corpus (hostile variants included) were recorded from the
// implementation before the performance work; a faster one must reproduce every one of them (PCI DSS 3.3.1 /
// 3.4.1: what redaction keeps or removes is a control, not an implementation detail).
const fixture = JSON.parse(readFileSync(SAFETY_FIXTURE, 'utf8')) as { corpus: string; count: number; redact: string; outbound: string };
const corpus = inboundCorpus();

/** The inputs whose output digest differs from the recorded one, with what came out, for the failure message. */
function differences(recorded: string, run: (text: string) => unknown): string[] {
  const diffs: string[] = [];
  corpus.forEach((text, i) => {
    const output = run(text);
    if (outputDigest(output) !== recorded.slice(i * 8, i * 8 + 8)) diffs.push(`#${i} ${JSON.stringify(text.slice(0, 200))} → ${JSON.stringify(output).slice(0, 300)}`);
  });
  return diffs;
}

describe('inbound text matchers on the recorded corpus', () => {
  it('runs on the same corpus the outputs were recorded for', () => {
    assert.equal(corpus.length, fixture.count);
    assert.equal(corpusDigest(corpus), fixture.corpus, 'inbound-corpus.fixtures.ts changed: re-record from a known-good implementation');
  });

  it('the corpus holds every kind of finding, plain and disguised', () => {
    const kinds = new Set(corpus.flatMap((t) => redactInbound(t).findings.map((f) => f.kind)));
    assert.deepEqual([...kinds].sort(), ['card_number', 'one_time_code', 'pin', 'security_code', 'ssn']);
    assert.ok(corpus.some((t) => /[\u200b-\u200d]/.test(t) && redactInbound(t).text !== t));
    assert.ok(corpus.some((t) => /[\uff10-\uff19]/.test(t) && redactInbound(t).text !== t));
    assert.ok(corpus.some((t) => t.length >= 10_000 && redactInbound(t).findings.length > 0));
  });

  it('redacts every text exactly as recorded (text and findings)', () => {
    const diffs = differences(fixture.redact, redactInbound);
    assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${corpus.length} redactions differ`);
  });

  it('refuses exactly the same replies as recorded (same folding)', () => {
    const diffs = differences(fixture.outbound, detectOutboundSensitiveRequest);
    assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${corpus.length} outbound checks differ`);
  });
});
