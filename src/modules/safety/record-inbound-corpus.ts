/**
 * Re-records the corpus digests of the per-message text matchers (inbound-corpus.fixtures.ts):
 *   node --import tsx src/modules/safety/record-inbound-corpus.ts
 * Run it ONLY on an implementation known to be right (e.g. the commit before a performance change), never to
 * make a failing differential test pass: the digests are the proof that redaction did not change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRulePrioritizer } from '../cases/prioritize.ts';
import { detectRightsInvoked } from '../cases/rights-words.ts';
import { productLineFor } from '../cases/route-case.ts';
import type { IssuerProfile } from '../directory/index.ts';
import { detectOutboundSensitiveRequest } from './detect-outbound-request.ts';
import { corpusDigest, inboundCorpus, outputDigest } from './inbound-corpus.fixtures.ts';
import { redactInbound } from './redact-inbound.ts';

export const SAFETY_FIXTURE = new URL('./redact-inbound.corpus.json', import.meta.url);
export const CASES_FIXTURE = new URL('../cases/text-matchers.corpus.json', import.meta.url);

/** Who the routing test claims the account belongs to and what the classifier suggested, by corpus index. */
export function routeArgs(i: number): { account: string | null; suggested: string | null } {
  return {
    account: i % 97 === 5 ? 'corporate' : i % 89 === 7 ? 'no_such_line' : null,
    suggested: i % 3 === 0 ? 'platinum' : i % 3 === 1 ? 'no_such_line' : null,
  };
}

/** The rule prioritizer's input for corpus index i: the text as subject, the next one as body. */
export const rulesInput = (corpus: readonly string[], i: number) => ({ subject: corpus[i]!, body: corpus[(i + 1) % corpus.length]! });

function record(): void {
  const corpus = inboundCorpus();
  const digest = corpusDigest(corpus);
  writeFileSync(
    SAFETY_FIXTURE,
    `${JSON.stringify({
      corpus: digest,
      count: corpus.length,
      redact: corpus.map((t) => outputDigest(redactInbound(t))).join(''),
      outbound: corpus.map((t) => outputDigest(detectOutboundSensitiveRequest(t))).join(''),
    })}\n`,
  );
  // The rules and keywords are copied into the fixture, so that editing config/ does not break the test.
  const policy = JSON.parse(readFileSync('config/service-policy.json', 'utf8'));
  const issuer = JSON.parse(readFileSync('config/issuer-profile.json', 'utf8'));
  const productLines = issuer.productLines.map((l: { id: string; keywords: string[] }) => ({ id: l.id, keywords: l.keywords }));
  const profile = { productLines } as unknown as IssuerProfile;
  const rules = createRulePrioritizer(policy.priorityRules);
  writeFileSync(
    CASES_FIXTURE,
    `${JSON.stringify({
      corpus: digest,
      count: corpus.length,
      priorityRules: policy.priorityRules,
      productLines,
      rules: corpus.map((_, i) => outputDigest(rules(rulesInput(corpus, i)))).join(''),
      route: corpus.map((t, i) => outputDigest(productLineFor(profile, routeArgs(i).account, t, routeArgs(i).suggested))).join(''),
      rights: corpus.map((t) => outputDigest(detectRightsInvoked(t))).join(''),
    })}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) record();
