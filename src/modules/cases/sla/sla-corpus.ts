/**
 * Test-only: a deterministic corpus of SLA histories (seeded PRNG) over several zones, both DST changes,
 * Federal Reserve holidays and 2025–2028, for the differential test in compute-sla.corpus.test.ts. The
 * expected outputs in compute-sla.corpus.json were recorded from the implementation before the
 * performance work (computeSla over `slaCorpus()`, each clock encoded as the test does), so any change of
 * behaviour shows up. Changing this generator means re-recording them from a trusted implementation.
 */
import type { SlaEvent, SlaEventType, SlaPolicy } from './sla-policy.ts';
import { NEW_YORK_ALL_DAY, NEW_YORK_FED, NEW_YORK_NIGHT, ROUND_THE_CLOCK, SYDNEY, TOKYO_WITH_LUNCH } from './test-calendars.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { mulberry32 } from '../../banking/demo/prng.ts';

/** mulberry32 (the demo ledger's generator): small, fast, good enough to spread test inputs. */
export const prng = mulberry32;

/** The shipped policy's business calendar (config/service-policy.json), with a Saturday window. */
export const US_EXTENDED: WorkCalendar = {
  type: 'business_hours',
  timeZone: 'America/New_York',
  windows: [
    { days: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' },
    { days: [6], open: '09:00', close: '17:00' },
  ],
  holidayCalendar: 'us_federal_reserve',
};

/** London with explicit closed dates, to exercise the list form of holidays around the UK DST changes. */
export const LONDON_LIST: WorkCalendar = {
  type: 'business_hours',
  timeZone: 'Europe/London',
  windows: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }],
  holidayCalendar: ['2026-03-30', '2026-12-25', '2026-12-28', '2027-03-29', '2027-10-29'],
};

export const CORPUS_CALENDARS: ReadonlyArray<readonly [string, WorkCalendar]> = [
  ['new_york_fed', NEW_YORK_FED],
  ['us_extended', US_EXTENDED],
  ['tokyo_lunch', TOKYO_WITH_LUNCH],
  ['sydney', SYDNEY],
  ['new_york_night', NEW_YORK_NIGHT],
  ['new_york_all_day', NEW_YORK_ALL_DAY],
  ['london_list', LONDON_LIST],
  ['always', ROUND_THE_CLOCK],
];

/** Instants near DST changes (New York, Sydney, London), holidays and year ends, where bugs would hide. */
const HOT_SPOTS = [
  '2026-03-06T20:00:00Z', '2026-03-08T06:30:00Z', '2026-10-30T19:00:00Z', '2026-11-01T05:30:00Z', '2026-11-25T20:00:00Z',
  '2026-04-03T04:00:00Z', '2026-10-02T05:00:00Z', '2026-03-27T16:00:00Z', '2026-10-23T15:00:00Z', '2026-12-24T15:00:00Z',
  '2026-12-31T20:00:00Z', '2027-07-02T16:00:00Z', '2027-03-12T21:00:00Z', '2027-11-05T19:00:00Z', '2028-02-28T15:00:00Z',
].map((s) => Date.parse(s));
const SPAN_START = Date.parse('2025-01-01T00:00:00Z');
const SPAN_MS = Date.parse('2029-01-01T00:00:00Z') - SPAN_START;
const MINUTE = 60_000;
const TYPES: SlaEventType[] = ['customer_message', 'agent_reply', 'agent_reply', 'paused', 'resumed', 'resolved', 'reopened', 'customer_message', 'opened'];

export type CorpusCase = { calendar: string; policy: SlaPolicy; history: SlaEvent[]; now: Date };

export function slaCorpus(count = 600, seed = 20261126): CorpusCase[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  // Gaps from seconds to days, minute-aligned or not, so segments start inside, outside and on the edge of windows.
  const gap = () => {
    const r = rnd();
    if (r < 0.1) return 0;
    if (r < 0.4) return Math.floor(rnd() * 90) * MINUTE;
    if (r < 0.7) return Math.floor(rnd() * 24 * 60) * MINUTE;
    if (r < 0.9) return Math.floor(rnd() * 5 * 24 * 60) * MINUTE + Math.floor(rnd() * 60_000);
    return Math.floor(rnd() * 20 * 24 * 60) * MINUTE;
  };
  const out: CorpusCase[] = [];
  for (let n = 0; n < count; n++) {
    const [calendar] = CORPUS_CALENDARS[n % CORPUS_CALENDARS.length]!;
    let t = rnd() < 0.5 ? pick(HOT_SPOTS) - Math.floor(rnd() * 3 * 24 * 60) * MINUTE : SPAN_START + Math.floor(rnd() * SPAN_MS);
    const history: SlaEvent[] = [{ type: 'opened', at: new Date(t) }];
    if (rnd() < 0.7) history.push({ type: 'customer_message', at: new Date(t) });
    const length = Math.floor(rnd() * 9);
    for (let i = 0; i < length; i++) {
      t += gap();
      history.push({ type: pick(TYPES), at: new Date(t) });
    }
    if (rnd() < 0.15 && history.length > 2) history.reverse(); // out-of-order input is sorted by the replay
    const targets: SlaPolicy['targets'] = {};
    if (rnd() < 0.9) targets.firstResponse = pick([1, 30, 60, 720, 1440]);
    if (rnd() < 0.9) targets.nextResponse = pick([1, 120, 480, 720]);
    if (rnd() < 0.9) targets.resolution = pick([60, 1440, 4320, 7200, 14400]);
    const now = new Date(t + (rnd() < 0.2 ? -gap() : gap()));
    out.push({ calendar, policy: { id: 'corpus', calendarId: 'corpus', targets }, history, now });
  }
  return out;
}
