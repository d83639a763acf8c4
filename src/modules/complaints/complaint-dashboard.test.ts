import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketStarts, dashboardRange } from '../cases/index.ts';
import { complaintsByDueDate, mergeSeries, nextDeadline } from './complaint-dashboard.ts';
import type { ComplaintRow } from './complaints.repo.ts';

describe('dashboard buckets', () => {
  const table: Array<[string, Parameters<typeof bucketStarts>[0], string[]]> = [
    ['days, across a month end', { unit: 'day', from: '2026-06-29', to: '2026-07-02' }, ['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02']],
    ['weeks start on the Monday before a Wednesday start', { unit: 'week', from: '2026-06-17', to: '2026-06-30' }, ['2026-06-15', '2026-06-22', '2026-06-29']],
    ['a Monday start is its own week', { unit: 'week', from: '2026-06-15', to: '2026-06-21' }, ['2026-06-15']],
    ['weeks across a year end (ISO week of 28 Dec 2026)', { unit: 'week', from: '2026-12-31', to: '2027-01-11' }, ['2026-12-28', '2027-01-04', '2027-01-11']],
    ['one day', { unit: 'day', from: '2028-02-29', to: '2028-02-29' }, ['2028-02-29']],
  ];
  for (const [name, range, expected] of table) it(name, () => assert.deepEqual(bucketStarts(range), expected));

  it('reaches back `days` days including today, in days up to 31 and weeks beyond', () => {
    assert.deepEqual(dashboardRange('2026-06-16', 7), { unit: 'day', from: '2026-06-10', to: '2026-06-16' });
    assert.deepEqual(dashboardRange('2026-06-16', 31), { unit: 'day', from: '2026-05-17', to: '2026-06-16' });
    assert.deepEqual(dashboardRange('2026-06-16', 32), { unit: 'week', from: '2026-05-16', to: '2026-06-16' });
    assert.deepEqual(dashboardRange('2026-03-01', 7, 'week'), { unit: 'week', from: '2026-02-23', to: '2026-03-01' });
  });
});

describe('dashboard series', () => {
  it('keeps empty buckets and reports no data as null, not as 0 % or 100 %', () => {
    const points = mergeSeries(['2026-06-14', '2026-06-15', '2026-06-16'], [{ bucket: '2026-06-15', opened: 3, withinSla: 2 }], [{ bucket: '2026-06-16', due: 4, onTime: 3 }, { bucket: '2026-06-14', due: 0, onTime: 0 }]);
    assert.deepEqual(points, [
      { start: '2026-06-14', casesOpened: 0, casesWithinSla: 0, slaAttainment: null, complaintsDue: 0, complaintsOnTime: 0, complaintOnTime: null },
      { start: '2026-06-15', casesOpened: 3, casesWithinSla: 2, slaAttainment: 0.6667, complaintsDue: 0, complaintsOnTime: 0, complaintOnTime: null },
      { start: '2026-06-16', casesOpened: 0, casesWithinSla: 0, slaAttainment: null, complaintsDue: 4, complaintsOnTime: 3, complaintOnTime: 0.75 },
    ]);
  });
});

const complaint = (id: string, p: Partial<ComplaintRow>): ComplaintRow =>
  ({ id, case_id: `case_${id}`, category: 'fees_interest', channel: 'secure_message', status: 'received', ack_due_on: '2026-06-16', acknowledged_on: null, response_due_on: '2026-06-30', responded_on: null, final_due_on: '2026-08-14', closed_on: null, ...p }) as ComplaintRow;

describe('complaints by due date', () => {
  const table: Array<[string, Partial<ComplaintRow>, ReturnType<typeof nextDeadline>]> = [
    ['nothing done: the acknowledgment comes first', {}, { clock: 'acknowledgment', dueOn: '2026-06-16' }],
    ['acknowledged: the response', { acknowledged_on: '2026-06-15' }, { clock: 'response', dueOn: '2026-06-30' }],
    ['answered without an acknowledgment (it counts as one in the app, but the data may lack it): the acknowledgment is still owed', { responded_on: '2026-06-20' }, { clock: 'acknowledgment', dueOn: '2026-06-16' }],
    ['a regulator complaint has no acknowledgment clock', { ack_due_on: null }, { clock: 'response', dueOn: '2026-06-30' }],
    ['answered: the final answer', { acknowledged_on: '2026-06-15', responded_on: '2026-06-20' }, { clock: 'final', dueOn: '2026-08-14' }],
    ['closed: nothing', { acknowledged_on: '2026-06-15', responded_on: '2026-06-20', closed_on: '2026-06-21' }, null],
  ];
  for (const [name, patch, expected] of table) it(name, () => assert.deepEqual(nextDeadline(complaint('x', patch)), expected));

  it('lists open complaints soonest first, counts the overdue and groups by due date', () => {
    const rows = [
      complaint('b', { acknowledged_on: '2026-06-15' }),
      complaint('a', {}),
      complaint('c', { ack_due_on: '2026-06-12' }),
      complaint('d', { status: 'closed', closed_on: '2026-06-14', responded_on: '2026-06-13', acknowledged_on: '2026-06-12' }),
    ];
    const result = complaintsByDueDate(rows, '2026-06-15');
    assert.deepEqual(result.items.map((i) => [i.id, i.nextClock, i.nextDueOn, i.overdue]), [['c', 'acknowledgment', '2026-06-12', true], ['a', 'acknowledgment', '2026-06-16', false], ['b', 'response', '2026-06-30', false]]);
    assert.equal(result.open, 3);
    assert.equal(result.overdue, 1);
    assert.deepEqual(result.byDueDate, [{ dueOn: '2026-06-12', count: 1 }, { dueOn: '2026-06-16', count: 1 }, { dueOn: '2026-06-30', count: 1 }]);
  });
});
