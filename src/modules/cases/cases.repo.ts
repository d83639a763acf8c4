import DataLoader from 'dataloader';
import { type RawBuilder, sql } from 'kysely';
import type { Db, Executor } from '../../platform/db.ts';
import { ROW_VERSION_SQL } from '../../platform/write-batch.ts';
import './cases.tables.ts';
import type { CasesTable } from './cases.tables.ts';
import type { Selectable, Insertable, Updateable } from 'kysely';

export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type CaseEventInput = {
  case_id: string;
  at: Date;
  kind: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  visible_to_cardholder: boolean;
  message_id?: string | null;
  data?: Record<string, unknown>;
};

export async function nextCaseNumber(db: Executor, prefix: string): Promise<string> {
  const { rows } = await sql<{ n: number }>`SELECT nextval('case_number_seq')::int AS n`.execute(db);
  return `${prefix}-${rows[0]!.n}`;
}

const CASE_NUMBER_BLOCK = 16;
const reserved = new WeakMap<Db, { numbers: number[]; refill: Promise<void> | null }>();

/**
 * A case number taken from a block this process reserved from the same sequence, so the one-statement open
 * (open-case.ts) knows its number before it writes and a block costs one round trip per 16 cases. Numbers
 * stay unique; across processes (and against nextCaseNumber) they are no longer in strict time order, and a
 * process that stops leaves the rest of its block unused, as a rolled-back nextval does.
 */
export async function reserveCaseNumber(db: Db, prefix: string): Promise<string> {
  const pool = reserved.get(db) ?? { numbers: [], refill: null };
  reserved.set(db, pool);
  const refill = () =>
    (pool.refill ??= sql<{ n: number }>`SELECT nextval('case_number_seq')::int AS n FROM generate_series(1, ${CASE_NUMBER_BLOCK})`
      .execute(db)
      .then(({ rows }) => void pool.numbers.push(...rows.map((r) => r.n).sort((a, b) => a - b)))
      .finally(() => (pool.refill = null)));
  while (pool.numbers.length === 0) await refill();
  const number = pool.numbers.shift()!;
  // The next block is fetched while this one still lasts, so no message waits for it (a failure here is
  // retried by the next caller that finds the block empty).
  if (pool.numbers.length <= CASE_NUMBER_BLOCK / 2) refill().catch(() => {});
  return `${prefix}-${number}`;
}

export async function insertCase(db: Executor, row: NewCaseRow): Promise<void> {
  await db.insertInto('cases').values(row).execute();
}

/** A case as this actor may see it: a cardholder only their customer's (null otherwise, which routes turn into 404). */
export async function findCase(db: Executor, id: string, customerScope: string | null, forUpdate = false): Promise<CaseRow | undefined> {
  let q = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (customerScope) q = q.where('customer_id', '=', customerScope);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateCase(db: Executor, id: string, patch: Updateable<CasesTable>): Promise<void> {
  await db.updateTable('cases').set(patch).where('id', '=', id).execute();
}

export async function insertEvents(db: Executor, events: CaseEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('case_events')
    .values(events.map((e) => ({ ...e, message_id: e.message_id ?? null, data: JSON.stringify(e.data ?? {}) })))
    .execute();
}

export type CaseEventRow = {
  id: number;
  at: Date;
  kind: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  visible_to_cardholder: boolean;
  message_id: string | null;
  data: Record<string, unknown>;
};

export async function listEvents(db: Executor, caseId: string, cardholderView: boolean): Promise<CaseEventRow[]> {
  let q = db
    .selectFrom('case_events')
    .select(['id', 'at', 'kind', 'actor_id', 'actor_role', 'actor_name', 'visible_to_cardholder', 'message_id', 'data'])
    .where('case_id', '=', caseId)
    .orderBy('id');
  if (cardholderView) q = q.where('visible_to_cardholder', '=', true);
  return (await q.execute()) as CaseEventRow[];
}

/** The timeline entries SLA planning reads (case-sla.ts slaEventsFrom), with only the fields it reads. */
export type SlaHistoryEntry = Pick<CaseEventRow, 'kind' | 'at' | 'data'>;
const SLA_KINDS = ['opened', 'message', 'state_changed', 'escalated'];

/**
 * A case's SLA history: the kinds of entry that move its clocks, each with its time and the three facts of its
 * data the clocks use. A reply re-plans the SLA from it; reading the whole timeline with every payload made each
 * reply cost more the longer the conversation (the ingest bench's reply run).
 */
export async function slaHistory(db: Executor, caseId: string): Promise<SlaHistoryEntry[]> {
  const { rows } = await sql<{ steps: SlaStep[] }>`SELECT ${slaStepsOf(sql`${caseId}`)} AS steps`.execute(db);
  return historyFrom(rows[0]!.steps);
}

/** One history entry as the database sends it: kind, time, and the `from`, `to` and `authorRole` of its data. */
type SlaStep = [string, string, string | null, string | null, string | null];

/** The SQL of a case's SLA history as a JSON array of SlaSteps in timeline order (`caseId`: its id, a value or a column). */
function slaStepsOf(caseId: RawBuilder<unknown>): RawBuilder<SlaStep[]> {
  return sql<SlaStep[]>`COALESCE((SELECT json_agg(json_build_array(e.kind, e.at, e.data->>'from', e.data->>'to', e.data->>'authorRole') ORDER BY e.id)
                     FROM case_events e WHERE e.case_id = ${caseId} AND e.kind IN (${sql.join(SLA_KINDS)})), '[]'::json)`;
}

function historyFrom(steps: SlaStep[]): SlaHistoryEntry[] {
  return steps.map(([kind, at, from, to, authorRole]) => {
    const data: Record<string, unknown> = {};
    if (from !== null) data.from = from;
    if (to !== null) data.to = to;
    if (authorRole !== null) data.authorRole = authorRole;
    return { kind: kind as CaseEventRow['kind'], at: new Date(at), data };
  });
}

export type CaseForReply = { row: CaseRow; version: string; history: SlaHistoryEntry[] };

/** Cases by id with their version (for executeBatchIfUnchanged, platform/write-batch.ts) and SLA history, in one statement (one snapshot). */
async function casesForReply(db: Executor, ids: readonly string[]): Promise<Map<string, CaseForReply>> {
  const rows = await db
    .selectFrom('cases as c')
    .selectAll('c')
    .select([sql.raw<string>(`c.${ROW_VERSION_SQL}`).as('row_version'), slaStepsOf(sql.ref('c.id')).as('sla_history')])
    .where('c.id', '=', sql<string>`ANY(${[...ids]})`)
    .execute();
  const found = new Map<string, CaseForReply>();
  for (const { row_version: version, sla_history: steps, ...row } of rows) found.set(row.id, { row, version, history: historyFrom(steps) });
  return found;
}

/**
 * Reads for replies on the pool, coalesced: the cases asked for in one turn of the event loop are read in one
 * statement (DataLoader, no cache: each reply reads afresh). Under load this halves the round trips of a reply.
 */
const replyReads = new WeakMap<Executor, DataLoader<string, CaseForReply | undefined>>();

function replyReader(db: Executor): DataLoader<string, CaseForReply | undefined> {
  let reader = replyReads.get(db);
  if (!reader) {
    reader = new DataLoader(async (ids) => {
      const found = await casesForReply(db, ids);
      return ids.map((id) => found.get(id));
    }, { cache: false, maxBatchSize: 256, batchScheduleFn: (run) => setImmediate(run) });
    replyReads.set(db, reader);
  }
  return reader;
}

/**
 * A case as a reply plans from it, without a lock: the row, its version and its SLA history, read in one
 * snapshot. Another customer's case is not found.
 */
export async function caseForReply(db: Executor, id: string, customerScope: string | null): Promise<CaseForReply | undefined> {
  const found = db.isTransaction ? (await casesForReply(db, [id])).get(id) : await replyReader(db).load(id);
  return found && (!customerScope || found.row.customer_id === customerScope) ? found : undefined;
}

export type CaseListFilter = {
  customerId?: string | null;
  statuses?: string[];
  queue?: string;
  priority?: string;
  assignee?: { kind: 'none' } | { kind: 'user'; id: string };
  breached?: boolean;
  cursor?: { at: Date; id: string } | null;
  limit: number;
};

export type CaseListRow = CaseRow & { customer_name: string; assignee_name: string | null; assignee_code: string | null; unread: number };

/** Newest activity first; keyset pagination on (updated_at, id). */
export async function listCases(db: Executor, f: CaseListFilter, unreadFor: 'cardholder' | 'staff'): Promise<CaseListRow[]> {
  let q = db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .selectAll('c')
    .select([
      sql<string>`cu.first_name || ' ' || cu.last_name`.as('customer_name'),
      'u.display_name as assignee_name',
      'u.agent_code as assignee_code',
      unreadCount(unreadFor).as('unread'),
    ]);
  if (f.customerId) q = q.where('c.customer_id', '=', f.customerId);
  if (f.statuses?.length) q = q.where('c.status', 'in', f.statuses as CaseRow['status'][]);
  if (f.queue) q = q.where('c.queue', '=', f.queue);
  if (f.priority) q = q.where('c.priority', '=', f.priority as CaseRow['priority']);
  if (f.assignee?.kind === 'none') q = q.where('c.assignee_id', 'is', null);
  if (f.assignee?.kind === 'user') q = q.where('c.assignee_id', '=', f.assignee.id);
  if (f.breached === true) q = q.where('c.sla_breached_at', 'is not', null);
  if (f.breached === false) q = q.where('c.sla_breached_at', 'is', null);
  if (f.cursor) {
    const { at, id } = f.cursor;
    q = q.where((eb) => eb.or([eb('c.updated_at', '<', at), eb.and([eb('c.updated_at', '=', at), eb('c.id', '<', id)])]));
  }
  return (await q.orderBy('c.updated_at', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute()) as CaseListRow[];
}

/** Messages the given side has not read yet, written by the other side (internal notes never count). */
function unreadCount(side: 'cardholder' | 'staff') {
  return side === 'cardholder'
    ? sql<number>`(SELECT count(*)::int FROM messages m WHERE m.case_id = c.id AND m.read_at IS NULL AND m.author_role <> 'cardholder' AND NOT m.internal)`
    : sql<number>`(SELECT count(*)::int FROM messages m WHERE m.case_id = c.id AND m.read_at IS NULL AND m.author_role = 'cardholder')`;
}

export async function findCaseListRow(db: Executor, id: string, unreadFor: 'cardholder' | 'staff'): Promise<CaseListRow | undefined> {
  return (await db
    .selectFrom('cases as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .selectAll('c')
    .select([
      sql<string>`cu.first_name || ' ' || cu.last_name`.as('customer_name'),
      'u.display_name as assignee_name',
      'u.agent_code as assignee_code',
      unreadCount(unreadFor).as('unread'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst()) as CaseListRow | undefined;
}
