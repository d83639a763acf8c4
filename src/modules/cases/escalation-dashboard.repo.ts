import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { CaseListRow } from './cases.repo.ts';
import './cases.tables.ts';

const OPEN = ['new', 'open', 'pending_customer', 'pending_internal'] as const;
const LIMIT = 50;

function openCases(db: Executor) {
  return db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .selectAll('c')
    .select([sql<string>`cu.first_name || ' ' || cu.last_name`.as('customer_name'), 'u.display_name as assignee_name', 'u.agent_code as assignee_code', sql<number>`0`.as('unread')])
    .where('c.status', 'in', [...OPEN])
    .where('c.merged_into', 'is', null);
}

/** The earliest live due time of a case (due columns are null while a clock is met, idle or paused). */
const nextDue = sql<Date | null>`least(c.first_response_due_at, c.next_response_due_at, c.resolution_due_at)`;

/** Open cases with a supervisor, most urgent first (a case with no running clock last). */
export async function listEscalatedCases(db: Executor): Promise<CaseListRow[]> {
  return (await openCases(db).where('c.escalation', '=', 'supervisor').orderBy(sql`${nextDue} ASC NULLS LAST`).orderBy('c.created_at').limit(LIMIT).execute()) as CaseListRow[];
}

/** Open cases with a due time already past: the breaches, longest overdue first. */
export async function listBreachedCases(db: Executor, now: Date): Promise<CaseListRow[]> {
  return (await openCases(db).where(sql<boolean>`${nextDue} < ${now}`).orderBy(sql`${nextDue} ASC`).limit(LIMIT).execute()) as CaseListRow[];
}

/** Candidates for "at risk": not yet due, due within `horizon`; the caller decides risk on working time. */
export async function listCasesDueBefore(db: Executor, now: Date, horizon: Date): Promise<CaseListRow[]> {
  return (await openCases(db).where(sql<boolean>`${nextDue} >= ${now}`).where(sql<boolean>`${nextDue} < ${horizon}`).orderBy(sql`${nextDue} ASC`).limit(500).execute()) as CaseListRow[];
}

export type CaseSeriesRow = { bucket: string; opened: number; withinSla: number };

/**
 * Cases opened per day or ISO week (Monday) in the issuer's time zone, and how many of them have not breached
 * an SLA target so far: no `sla_breached` entry from the sweep and no due time already past (the sweep may
 * not have run yet). Merged duplicates are not counted.
 */
export async function caseSeries(db: Executor, q: { unit: 'day' | 'week'; timeZone: string; from: Date; to: Date; now: Date }): Promise<CaseSeriesRow[]> {
  const bucket = sql<string>`to_char(date_trunc(${q.unit}::text, c.created_at AT TIME ZONE ${q.timeZone}::text), 'YYYY-MM-DD')`;
  const breached = sql<boolean>`(EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'sla_breached') OR ${nextDue} < ${q.now})`;
  const rows = await db
    .selectFrom('cases as c')
    .select([bucket.as('bucket'), sql<number>`count(*)::int`.as('opened'), sql<number>`(count(*) FILTER (WHERE NOT ${breached}))::int`.as('withinSla')])
    .where('c.created_at', '>=', q.from)
    .where('c.created_at', '<', q.to)
    .where('c.merged_into', 'is', null)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows as CaseSeriesRow[];
}
