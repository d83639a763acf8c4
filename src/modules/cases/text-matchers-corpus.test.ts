import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { IssuerProfile } from '../directory/index.ts';
import { corpusDigest, inboundCorpus, outputDigest } from '../safety/inbound-corpus.fixtures.ts';
import { CASES_FIXTURE, routeArgs, rulesInput } from '../safety/record-inbound-corpus.ts';
import { createRulePrioritizer } from './prioritize.ts';
import { detectRightsInvoked } from './rights-words.ts';
import { productLineFor } from './route-case.ts';
import type { PriorityRule } from './service-policy.ts';

// Differential test: the phrase rules, product-line keywords and rights words on the generated corpus of
// src/modules/safety (hostile variants included) give exactly the outputs recorded before the performance
// work. The rules and keywords are the fixture's own copy of config/, so editing config/ does not break it.
type Fixture = { corpus: string; count: number; priorityRules: PriorityRule[]; productLines: Array<{ id: string; keywords: string[] }>; rules: string; route: string; rights: string };
const fixture = JSON.parse(readFileSync(CASES_FIXTURE, 'utf8')) as Fixture;
const corpus = inboundCorpus();
const profile = { productLines: fixture.productLines } as unknown as IssuerProfile;

function differences(recorded: string, run: (text: string, i: number) => unknown): string[] {
  const diffs: string[] = [];
  corpus.forEach((text, i) => {
    const output = run(text, i);
    if (outputDigest(output) !== recorded.slice(i * 8, i * 8 + 8)) diffs.push(`#${i} ${JSON.stringify(text.slice(0, 200))} → ${JSON.stringify(output).slice(0, 300)}`);
  });
  return diffs;
}

describe('case text matchers on the recorded corpus', () => {
  it('runs on the same corpus the outputs were recorded for', () => {
    assert.equal(corpusDigest(corpus), fixture.corpus, 'inbound-corpus.fixtures.ts changed: re-record from a known-good implementation');
  });

  it('the rule prioritizer gives the recorded priority, type and phrases', () => {
    const rules = createRulePrioritizer(fixture.priorityRules);
    const diffs = differences(fixture.rules, (_, i) => rules(rulesInput(corpus, i)));
    assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${corpus.length} differ`);
  });

  it('routing gives the recorded product line', () => {
    const diffs = differences(fixture.route, (text, i) => productLineFor(profile, routeArgs(i).account, text, routeArgs(i).suggested));
    assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${corpus.length} differ`);
  });

  it('the rights words give the recorded kind and phrases', () => {
    const diffs = differences(fixture.rights, detectRightsInvoked);
    assert.deepEqual(diffs.slice(0, 10), [], `${diffs.length} of ${corpus.length} differ`);
  });

  it('the corpus names phrases of every rule and every rights kind', () => {
    const rules = createRulePrioritizer(fixture.priorityRules);
    const matched = new Set(corpus.flatMap((t) => rules({ subject: t, body: '' }).matched));
    for (const rule of fixture.priorityRules) assert.ok(rule.phrases.some((p) => matched.has(p)), rule.phrases[0]);
    const kinds = new Set(corpus.map((t) => detectRightsInvoked(t)?.kind));
    assert.deepEqual([...kinds].sort(), ['complaint', 'dispute', 'supervisor', undefined]);
  });
});
