import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSla, type SlaClock, type SlaEvent, type SlaEventType, type SlaPolicy, type SlaTargetName, type WorkCalendar } from './index.ts';
import { NEW_YORK_FED, ROUND_THE_CLOCK, TOKYO_WITH_LUNCH } from './test-calendars.ts';

// Default policy: first response 1 working hour, next response 2, resolution 3 working days of 8 hours.
const TARGETS = { firstResponse: 60, nextResponse: 120, resolution: 1440 };
const policyOf = (targets: SlaPolicy['targets'] = TARGETS): SlaPolicy => ({ id: 'standard', calendarId: 'test', targets });
const e = (type: SlaEventType, at: string): SlaEvent => ({ type, at: new Date(at) });

type View = { [K in keyof SlaClock]: SlaClock[K] extends Date | null ? string | null : SlaClock[K] };
const iso = (d: Date | null) => (d ? d.toISOString().replace(':00.000Z', 'Z') : null);
const view = (c: SlaClock): View => ({ ...c, dueAt: iso(c.dueAt), breachedAt: iso(c.breachedAt), metAt: iso(c.metAt) });
const IDLE: Partial<View> = { dueAt: null, met: false, breached: false, paused: false, remainingMinutes: null };

type Row = { name: string; calendar?: WorkCalendar; targets?: SlaPolicy['targets']; history: SlaEvent[]; now: string; expect: Partial<Record<SlaTargetName, Partial<View>>> };

// All Nov 2026 times are EST (UTC−5): 09:00 EST = 14:00Z. Calendar: Mon–Fri 09:00–17:00 New York, US Federal
// Reserve holidays, unless a row says otherwise. Thanksgiving is Thu 2026-11-26.
const OPENED_TUE_0900 = e('opened', '2026-11-24T14:00:00Z');
const rows: Row[] = [
  {
    name: 'running clocks on a Tuesday morning',
    history: [e('opened', '2026-11-24T14:30:00Z')], // Tue 09:30
    now: '2026-11-24T15:00:00Z', // 10:00
    expect: {
      firstResponse: { dueAt: '2026-11-24T15:30Z', remainingMinutes: 30, breached: false, met: false, paused: false },
      // 1440 from Tue 09:30: Tue 450, Wed 480 (930), Thanksgiving 0, Fri 480 (1410), Mon 30 → Mon 30 Nov 09:30.
      resolution: { dueAt: '2026-11-30T14:30Z', remainingMinutes: 1410 },
      nextResponse: IDLE,
    },
  },
  {
    name: 'a reply exactly at the due minute is on time',
    history: [OPENED_TUE_0900, e('agent_reply', '2026-11-24T15:00:00Z')], // due 10:00, replied 10:00
    now: '2026-11-24T15:30:00Z',
    expect: { firstResponse: { met: true, metAt: '2026-11-24T15:00Z', dueAt: '2026-11-24T15:00Z', breached: false, breachedAt: null, remainingMinutes: null } },
  },
  {
    name: 'a reply one minute after the due minute is a breach',
    history: [OPENED_TUE_0900, e('agent_reply', '2026-11-24T15:01:00Z')],
    now: '2026-11-24T15:30:00Z',
    expect: { firstResponse: { met: true, metAt: '2026-11-24T15:01Z', breached: true, breachedAt: '2026-11-24T15:00Z' } },
  },
  {
    name: 'unanswered at the due minute: not yet breached',
    history: [OPENED_TUE_0900],
    now: '2026-11-24T15:00:00Z',
    expect: { firstResponse: { breached: false, remainingMinutes: 0, dueAt: '2026-11-24T15:00Z' } },
  },
  {
    name: 'unanswered one minute after the due minute: breached',
    history: [OPENED_TUE_0900],
    now: '2026-11-24T15:01:00Z',
    expect: { firstResponse: { breached: true, breachedAt: '2026-11-24T15:00Z', remainingMinutes: -1, met: false } },
  },
  {
    name: 'opened the evening before Thanksgiving: due Friday 09:30',
    history: [e('opened', '2026-11-25T21:30:00Z')], // Wed 16:30
    now: '2026-11-26T17:00:00Z', // Thanksgiving noon: no working minute has passed since Wed 17:00
    expect: { firstResponse: { dueAt: '2026-11-27T14:30Z', remainingMinutes: 30, breached: false } }, // 30 Wed + 30 Fri
  },
  {
    name: 'the same case round the clock is breached by Thanksgiving noon',
    calendar: ROUND_THE_CLOCK,
    history: [e('opened', '2026-11-25T21:30:00Z')],
    now: '2026-11-26T17:00:00Z', // 19.5 h = 1170 min later
    expect: {
      firstResponse: { dueAt: '2026-11-25T22:30Z', breached: true, breachedAt: '2026-11-25T22:30Z', remainingMinutes: -1110 },
      resolution: { dueAt: '2026-11-26T21:30Z', breached: false, remainingMinutes: 270 }, // 1440 − 1170
    },
  },
  {
    name: '24x7 vs business hours, business: opened Fri 16:30, due Mon 09:30',
    history: [e('opened', '2026-11-20T21:30:00Z')],
    now: '2026-11-20T23:00:00Z', // Fri 18:00
    expect: { firstResponse: { dueAt: '2026-11-23T14:30Z', remainingMinutes: 30, breached: false } },
  },
  {
    name: '24x7 vs business hours, 24x7: opened Fri 16:30, due Fri 17:30',
    calendar: ROUND_THE_CLOCK,
    history: [e('opened', '2026-11-20T21:30:00Z')],
    now: '2026-11-20T23:00:00Z',
    expect: { firstResponse: { dueAt: '2026-11-20T22:30Z', remainingMinutes: -30, breached: true } },
  },
  {
    name: 'due Fri 17:00, answered Mon 08:59 before opening: a breach though no working minute passed',
    history: [e('opened', '2026-11-20T21:00:00Z'), e('agent_reply', '2026-11-23T13:59:00Z')],
    now: '2026-11-23T15:00:00Z',
    expect: { firstResponse: { dueAt: '2026-11-20T22:00Z', met: true, breached: true, breachedAt: '2026-11-20T22:00Z' } },
  },
  {
    name: 'a pause spanning a weekend freezes the resolution clock',
    // Fri 16:00 opened, 16:10 replied, 16:30 paused (pending customer); now Mon 10:00.
    history: [e('opened', '2026-11-20T21:00:00Z'), e('agent_reply', '2026-11-20T21:10:00Z'), e('paused', '2026-11-20T21:30:00Z')],
    now: '2026-11-23T15:00:00Z',
    expect: {
      resolution: { paused: true, dueAt: null, remainingMinutes: 1410, breached: false, met: false }, // 30 spent
      firstResponse: { met: true, metAt: '2026-11-20T21:10Z', breached: false, paused: false },
    },
  },
  {
    name: 'resuming moves the due time out by the working time the pause covered',
    history: [
      e('opened', '2026-11-20T21:00:00Z'),
      e('agent_reply', '2026-11-20T21:10:00Z'),
      e('paused', '2026-11-20T21:30:00Z'),
      e('customer_message', '2026-11-23T16:00:00Z'), // Mon 11:00
      e('resumed', '2026-11-23T16:00:00Z'),
    ],
    now: '2026-11-23T17:00:00Z', // Mon 12:00
    expect: {
      // Unpaused it would be due Wed 25 16:00 (next row). The pause covered Fri 16:30–17:00 and Mon 09:00–11:00,
      // 150 working minutes: Wed 16:00 + 60 = 17:00, Thanksgiving, Fri 09:00 + 90 = Fri 27 10:30.
      resolution: { paused: false, remainingMinutes: 1350, dueAt: '2026-11-27T15:30Z' }, // 30 + 60 spent
      nextResponse: { dueAt: '2026-11-23T18:00Z', remainingMinutes: 60, met: false }, // Mon 11:00 + 120
    },
  },
  {
    name: 'the same case without the pause',
    history: [e('opened', '2026-11-20T21:00:00Z'), e('agent_reply', '2026-11-20T21:10:00Z'), e('customer_message', '2026-11-23T16:00:00Z')],
    now: '2026-11-23T17:00:00Z',
    // 1440 from Fri 16:00: Fri 60, Mon 480 (540), Tue 480 (1020), Wed 420 → Wed 16:00. Spent: Fri 60 + Mon 180.
    expect: { resolution: { dueAt: '2026-11-25T21:00Z', remainingMinutes: 1200 } },
  },
  {
    name: 'a breach before a pause stays visible while paused',
    history: [OPENED_TUE_0900, e('paused', '2026-11-24T15:30:00Z')], // first response due 10:00, paused 10:30
    now: '2026-11-24T16:00:00Z',
    expect: {
      firstResponse: { paused: true, breached: true, dueAt: '2026-11-24T15:00Z', breachedAt: '2026-11-24T15:00Z', remainingMinutes: -30 },
      resolution: { paused: true, dueAt: null, remainingMinutes: 1350, breached: false },
    },
  },
  {
    name: 'a pause before the first reply freezes the first response too',
    history: [OPENED_TUE_0900, e('paused', '2026-11-24T14:20:00Z')],
    now: '2026-11-24T15:30:00Z',
    expect: { firstResponse: { paused: true, dueAt: null, remainingMinutes: 40, breached: false } },
  },
  {
    name: 'customer messages before the first reply are covered by the first response',
    history: [OPENED_TUE_0900, e('customer_message', '2026-11-24T14:10:00Z')],
    now: '2026-11-24T14:30:00Z',
    expect: { nextResponse: IDLE, firstResponse: { remainingMinutes: 30 } },
  },
  {
    name: 'next response runs from the first unanswered customer message',
    history: [OPENED_TUE_0900, e('agent_reply', '2026-11-24T14:20:00Z'), e('customer_message', '2026-11-24T15:00:00Z'), e('customer_message', '2026-11-24T16:00:00Z')],
    now: '2026-11-24T16:30:00Z', // 11:30; the cycle started at 10:00, not 11:00
    expect: { nextResponse: { dueAt: '2026-11-24T17:00Z', remainingMinutes: 30, met: false } },
  },
  {
    name: 'a late next response is met and breached',
    history: [OPENED_TUE_0900, e('agent_reply', '2026-11-24T14:20:00Z'), e('customer_message', '2026-11-24T15:00:00Z'), e('agent_reply', '2026-11-24T17:30:00Z')],
    now: '2026-11-24T18:00:00Z',
    expect: { nextResponse: { met: true, metAt: '2026-11-24T17:30Z', breached: true, breachedAt: '2026-11-24T17:00Z' } },
  },
  {
    name: 'a new customer message starts a new next-response cycle',
    history: [
      OPENED_TUE_0900,
      e('agent_reply', '2026-11-24T14:20:00Z'),
      e('customer_message', '2026-11-24T15:00:00Z'),
      e('agent_reply', '2026-11-24T17:30:00Z'), // late: the previous cycle breached
      e('customer_message', '2026-11-24T19:00:00Z'), // 14:00
    ],
    now: '2026-11-24T19:30:00Z',
    expect: { nextResponse: { dueAt: '2026-11-24T21:00Z', remainingMinutes: 90, met: false, breached: false } },
  },
  {
    name: 'resolved: resolution met, its due time the one that applied',
    history: [OPENED_TUE_0900, e('agent_reply', '2026-11-24T14:30:00Z'), e('resolved', '2026-11-24T18:00:00Z')], // resolved 13:00
    now: '2026-11-27T17:00:00Z',
    // 240 spent; 1200 left from Tue 13:00: Tue 240, Wed 480, Thanksgiving, Fri 480 → Fri 27 17:00.
    expect: { resolution: { met: true, metAt: '2026-11-24T18:00Z', breached: false, dueAt: '2026-11-27T22:00Z', remainingMinutes: null } },
  },
  {
    name: 'reopened: the resolution clock continues from the 240 minutes already spent',
    history: [
      OPENED_TUE_0900,
      e('agent_reply', '2026-11-24T14:30:00Z'),
      e('resolved', '2026-11-24T18:00:00Z'),
      e('reopened', '2026-11-30T14:00:00Z'), // Mon 30 09:00
      e('customer_message', '2026-11-30T14:00:00Z'),
    ],
    now: '2026-11-30T15:00:00Z', // Mon 10:00
    expect: {
      // 1200 left at Mon 09:00: Mon 480, Tue 480, Wed 09:00 + 240 → Wed 2 Dec 13:00. (A fresh budget would be Wed 17:00.)
      resolution: { met: false, metAt: null, remainingMinutes: 1140, dueAt: '2026-12-02T18:00Z' },
      nextResponse: { dueAt: '2026-11-30T16:00Z', remainingMinutes: 60 }, // a message on a reopened case
      firstResponse: { met: true, metAt: '2026-11-24T14:30Z' }, // not restarted
    },
  },
  {
    name: 'resolving before any reply meets the first response at the resolution',
    history: [OPENED_TUE_0900, e('resolved', '2026-11-24T14:30:00Z')],
    now: '2026-11-24T16:00:00Z',
    expect: { firstResponse: { met: true, metAt: '2026-11-24T14:30Z', breached: false }, resolution: { met: true, metAt: '2026-11-24T14:30Z' } },
  },
  {
    name: 'events after now are ignored (time travel)',
    history: [OPENED_TUE_0900, e('agent_reply', '2026-11-24T15:00:00Z')],
    now: '2026-11-24T14:45:00Z',
    expect: { firstResponse: { met: false, remainingMinutes: 15, dueAt: '2026-11-24T15:00Z' } },
  },
  {
    name: 'DST spring-forward: opened Fri 6 Mar 16:30 EST, due Mon 9 Mar 09:30 EDT (13:30Z, not 14:30Z)',
    history: [e('opened', '2026-03-06T21:30:00Z')],
    now: '2026-03-09T13:15:00Z', // Mon 09:15 EDT
    expect: { firstResponse: { dueAt: '2026-03-09T13:30Z', remainingMinutes: 15, breached: false } },
  },
  {
    name: 'DST fall-back: opened Fri 30 Oct 16:30 EDT, due Mon 2 Nov 09:30 EST (14:30Z, not 13:30Z)',
    history: [e('opened', '2026-10-30T20:30:00Z')],
    now: '2026-11-02T14:15:00Z', // Mon 09:15 EST
    expect: { firstResponse: { dueAt: '2026-11-02T14:30Z', remainingMinutes: 15, breached: false } },
  },
  {
    name: 'DST fall-back round the clock counts the repeated hour: Sat 23:00 EDT + 4 h = Sun 02:00 EST',
    calendar: ROUND_THE_CLOCK,
    targets: { resolution: 240 },
    history: [e('opened', '2026-11-01T03:00:00Z')],
    now: '2026-11-01T06:00:00Z', // 01:00 EST, the second 01:00
    expect: { resolution: { dueAt: '2026-11-01T07:00Z', remainingMinutes: 60 }, firstResponse: { ...IDLE, targetMinutes: null } },
  },
  {
    name: 'Tokyo: opened 00:30 JST Saturday (still Friday in UTC) is due Monday 10:00 JST',
    calendar: TOKYO_WITH_LUNCH,
    history: [e('opened', '2026-03-06T15:30:00Z')],
    now: '2026-03-09T00:30:00Z', // Mon 09:30 JST
    expect: { firstResponse: { dueAt: '2026-03-09T01:00Z', remainingMinutes: 30 } },
  },
  {
    name: 'Tokyo: opened 00:30 JST Friday (Thursday in UTC) is due Friday 10:00 JST',
    calendar: TOKYO_WITH_LUNCH,
    history: [e('opened', '2026-03-05T15:30:00Z')],
    now: '2026-03-06T00:00:00Z', // Fri 09:00 JST, the opening
    expect: { firstResponse: { dueAt: '2026-03-06T01:00Z', remainingMinutes: 60 } },
  },
  {
    name: 'a policy without a next-response target leaves that clock idle',
    targets: { firstResponse: 60 },
    history: [OPENED_TUE_0900, e('agent_reply', '2026-11-24T14:10:00Z'), e('customer_message', '2026-11-24T14:20:00Z')],
    now: '2026-11-24T15:00:00Z',
    expect: { nextResponse: { ...IDLE, targetMinutes: null }, resolution: { ...IDLE, targetMinutes: null } },
  },
];

describe('computeSla', () => {
  for (const row of rows) {
    it(row.name, () => {
      const status = computeSla(policyOf(row.targets), row.calendar ?? NEW_YORK_FED, row.history, new Date(row.now));
      for (const [target, expected] of Object.entries(row.expect) as Array<[SlaTargetName, Partial<View>]>) {
        const actual = view(status[target]);
        for (const [key, value] of Object.entries(expected)) {
          assert.deepEqual(actual[key as keyof View], value, `${target}.${key}`);
        }
      }
    });
  }

  it('sorts a history given out of order (ties keep their order)', () => {
    const history = rows.find((r) => r.name.startsWith('resuming'))!.history;
    const now = new Date('2026-11-23T17:00:00Z');
    const shuffled = [history[3]!, history[4]!, history[0]!, history[2]!, history[1]!];
    assert.deepEqual(computeSla(policyOf(), NEW_YORK_FED, shuffled, now), computeSla(policyOf(), NEW_YORK_FED, history, now));
  });

  it('refuses an invalid time', () => {
    assert.throws(() => computeSla(policyOf(), NEW_YORK_FED, [e('opened', 'nope')], new Date('2026-11-24T15:00:00Z')), RangeError);
  });
});
