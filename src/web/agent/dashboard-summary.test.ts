import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketLabel, summarize } from './dashboard-summary.ts';
import type { DashboardPoint } from './dashboard-types.ts';

const point = (start: string, p: Partial<DashboardPoint> = {}): DashboardPoint => ({ start, casesOpened: 0, casesWithinSla: 0, slaAttainment: null, complaintsDue: 0, complaintsOnTime: 0, complaintOnTime: null, ...p });

describe('dashboard text summaries (what a screen reader hears instead of the charts)', () => {
  it('sums over the range and names the busiest and the worst bucket', () => {
    const s = summarize([point('2026-06-14'), point('2026-06-15', { casesOpened: 5, casesWithinSla: 4, slaAttainment: 0.8, complaintsDue: 1 }), point('2026-06-16', { casesOpened: 2, casesWithinSla: 2, slaAttainment: 1, complaintsDue: 1, complaintsOnTime: 1, complaintOnTime: 1 })], 'day');
    assert.equal(s.volume, '7 cases were opened between Jun 14 and Jun 16; the busiest day was Jun 15 with 5.');
    assert.equal(s.sla, '6 of 7 cases (86 %) have stayed within their service levels; the lowest was 80 % in the day of Jun 15.');
    assert.equal(s.complaints, '1 of 2 complaint responses due (50 %) were sent on time.');
  });

  it('says plainly when there is nothing to show', () => {
    const s = summarize([point('2026-06-08'), point('2026-06-15')], 'week');
    assert.equal(s.volume, 'No cases were opened between the week of Jun 8 and the week of Jun 15.');
    assert.match(s.sla, /^No SLA attainment/);
    assert.equal(s.complaints, 'No complaint responses have fallen due in this period.');
  });

  it('labels buckets without shifting the day across time zones', () => {
    assert.equal(bucketLabel('2026-12-31', 'day'), 'Dec 31');
    assert.equal(bucketLabel('2026-06-15', 'week'), 'week of Jun 15');
  });
});
