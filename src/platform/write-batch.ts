import { CompiledQuery } from 'kysely';
import { type AuditEntry, auditChainCtes, auditEntryRecord } from './audit.ts';
import { type Db, type Executor, PREPARED, type Tables } from './db.ts';
import { type IdempotencyScope, readStoredResponse, type StoredResponse } from './idempotency.ts';

/**
 * A write of inserts (and updates of rows by id) — a new case with its first message, its data key, timeline,
 * audit row and outbox row; a reply with its case update — sent as ONE statement: a chain of data-modifying
 * CTEs, which PostgreSQL runs atomically as one implicit transaction. One round trip instead of a dozen (BEGIN,
 * each INSERT, the audit chain, COMMIT): on this machine a round trip costs more server CPU than everything else
 * a message needs (the ingest benchmark in bench/ingest.ts shows it).
 *
 * Rows go in as JSON and come out through `jsonb_populate_recordset(NULL::<table>, …)`, so each value takes
 * its column's type (timestamptz from an ISO string, bytea from `\x…` hex, jsonb from a JSON value) with no
 * per-table SQL. Foreign keys are checked at the end of the statement, so a child may precede its parent.
 *
 * One statement can carry several batches (group commit, WriteGroups below), each on its own Idempotency-Key:
 * the keys' rows (holding the responses to replay) are claimed first, and every other row of a batch is written
 * only if its key was claimed (`go`). A concurrent duplicate waits on the key's unique index until the first
 * commits, then writes nothing and gets the stored response.
 */
export type BatchRow = Record<string, unknown>;
export type BatchInsert = { table: keyof Tables & string; rows: BatchRow[] };
/** An update of one row by its `id` (inside a transaction that already holds the row's lock). */
export type BatchUpdate = { table: keyof Tables & string; id: string; set: BatchRow };

/** The request's key (none: the batch always applies) and the answer to store for its retries. */
export type BatchIdempotency = IdempotencyScope & { response: StoredResponse };

export type WriteBatch = {
  inserts: BatchInsert[];
  updates?: BatchUpdate[];
  /** At most one audit row, chained on the connection's chain head in the same statement. */
  audit?: AuditEntry | null;
  idempotency?: BatchIdempotency | null;
};

/**
 * Optimistic concurrency (executeBatchIfUnchanged): write only if this row is still at the version it was read at
 * (its xmin, selected as ROW_VERSION_SQL; every UPDATE of a row makes a new one). The statement locks the row; if it
 * moved, nothing of the batch is written (not even its key) and the answer is `stale`: read again and retry.
 */
export type BatchExpect = { table: keyof Tables & string; id: string; version: string };
export type ExpectingBatch = WriteBatch & { expect: BatchExpect };
/** Inside this file: any batch, expecting a row or not. */
type AnyBatch = WriteBatch & { expect?: BatchExpect };

/** The row version to read with a row for BatchExpect (`sql\`xmin::text\`` beside the row's columns). */
export const ROW_VERSION_SQL = 'xmin::text';

export type BatchResult = { applied: true } | { applied: false; stored: StoredResponse };
export type StaleResult = { applied: false; stale: true };

const COLUMN = /^[a-z_][a-z0-9_]*$/;

const ident = (name: string): string => {
  if (!COLUMN.test(name)) throw new TypeError(`write batch: bad identifier ${name}`);
  return `"${name}"`;
};

/**
 * JSON for jsonb_populate_recordset. Dates serialize themselves as ISO strings and an undefined value is left
 * out (a missing key populates NULL, as null does); only bytes need converting, to bytea's `\x…` hex. Rows
 * without bytes are stringified as they are, with no copy.
 */
function rowJson(row: BatchRow): BatchRow {
  let copy: BatchRow | null = null;
  for (const column in row) {
    const value = row[column];
    if (value instanceof Uint8Array) {
      copy ??= { ...row };
      copy[column] = `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
    }
  }
  return copy ?? row;
}

/**
 * SQL fragments per table and column list, checked and quoted once: this runs for every message, and the same
 * shape of batch gives the same text (so its prepared statement is reused). Bounded: shapes come from code.
 */
type Shape = { table: string; list: string; fromRows: string };
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 1000;

function shapeOf(table: string, columns: string[]): Shape {
  const key = `${table}\0${columns.join(',')}`;
  let shape = shapes.get(key);
  if (!shape) {
    if (columns.length === 0) throw new TypeError(`write batch: no columns for ${table}`);
    shape = { table: ident(table), list: columns.map(ident).join(', '), fromRows: columns.map((c) => `r.${ident(c)}`).join(', ') };
    if (shapes.size < MAX_SHAPES) shapes.set(key, shape);
  }
  return shape;
}

/** The statement as text and parameters, built by hand rather than through the query builder; every value is a parameter. */
class Statement {
  readonly params: unknown[] = [];
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/**
 * A statement's `ready` (with expectations: the items whose expected rows are still at their versions, now
 * locked, in id order so two statements lock the same rows the same way round; and the items expecting nothing)
 * and `go`: the ready items without a key, and those whose key this statement claimed.
 */
function guardCtes(st: Statement, batches: AnyBatch[]): string[] {
  const claims: Record<string, unknown>[] = [];
  const free: number[] = [];
  const expects = new Map<string, { g: number; id: string; version: string }[]>();
  const unexpecting: number[] = [];
  batches.forEach((batch, g) => {
    const claim = batch.idempotency;
    if (!claim?.key) free.push(g);
    else {
      claims.push({
        g,
        actor_id: claim.actorId,
        key: claim.key,
        fingerprint: claim.fingerprint,
        created_at: claim.now,
        status_code: claim.response.status,
        response_body: claim.response.body,
      });
    }
    const expect = batch.expect;
    if (!expect) unexpecting.push(g);
    else {
      const list = expects.get(expect.table) ?? [];
      list.push({ g, id: expect.id, version: expect.version });
      expects.set(expect.table, list);
    }
  });
  const ctes: string[] = [];
  let readyOnly = '';
  if (expects.size > 0) {
    const held = [...expects].map(([table, rows], i) => {
      const t = shapeOf(table, ['id']).table;
      ctes.push(`held${i} AS (
        SELECT x.g FROM jsonb_to_recordset(${st.param(JSON.stringify(rows))}::jsonb) AS x(g int, id text, version text)
          JOIN ${t} t ON t.id = x.id AND t.xmin = x.version::xid
         ORDER BY t.id FOR UPDATE OF t)`);
      return `SELECT g FROM held${i}`;
    });
    if (unexpecting.length > 0) held.push(`SELECT unnest(${st.param(unexpecting)}::int[])`);
    ctes.push(`ready AS (${held.join(' UNION ALL ')})`);
    readyOnly = ' WHERE g IN (SELECT g FROM ready)';
  }
  const freeRows = () => `SELECT g FROM unnest(${st.param(free)}::int[]) AS g${readyOnly}`;
  if (claims.length === 0) return [...ctes, `go AS (${freeRows()})`];
  return [
    ...ctes,
    `claims AS (
      SELECT * FROM jsonb_to_recordset(${st.param(JSON.stringify(claims))}::jsonb)
        AS k(g int, actor_id text, key text, fingerprint text, created_at timestamptz, status_code int, response_body jsonb)${readyOnly})`,
    // Keys are claimed in key order, so two statements waiting on each other's keys always wait the same way round.
    `claimed AS (
      INSERT INTO idempotency_keys (actor_id, key, fingerprint, created_at, status_code, response_body)
      SELECT actor_id, key, fingerprint, created_at, status_code, response_body FROM claims ORDER BY actor_id, key
      ON CONFLICT (actor_id, key) DO NOTHING RETURNING actor_id, key)`,
    `go AS (SELECT claims.g FROM claims JOIN claimed USING (actor_id, key)${free.length > 0 ? ` UNION ALL ${freeRows()}` : ''})`,
  ];
}

/** Rows of one table and column list, from every item, each written only if its item is in `go`. */
type TableRows = { shape: Shape; rows: BatchRow[]; items: number[] };

/** Collects rows by table and column list (`shapeOf` caches one Shape per list, so it serves as the key). */
class ByShape {
  private readonly entries = new Map<Shape, TableRows>();
  add(shape: Shape, row: BatchRow, g: number): void {
    let entry = this.entries.get(shape);
    if (!entry) this.entries.set(shape, (entry = { shape, rows: [], items: [] }));
    entry.rows.push(row);
    entry.items.push(g);
  }
  list(): TableRows[] {
    return [...this.entries.values()];
  }
}

function tableRows(batches: AnyBatch[]): TableRows[] {
  const byShape = new ByShape();
  batches.forEach((batch, g) => {
    for (const insert of batch.inserts) {
      if (insert.rows.length === 0) continue;
      const columns = Object.keys(insert.rows[0]!);
      for (let i = 1; i < insert.rows.length; i++) {
        const keys = Object.keys(insert.rows[i]!);
        if (keys.length !== columns.length || keys.some((k) => !columns.includes(k))) throw new TypeError(`write batch: rows for ${insert.table} differ in columns`);
      }
      const shape = shapeOf(insert.table, columns);
      for (const row of insert.rows) byShape.add(shape, rowJson(row), g);
    }
  });
  return byShape.list();
}

function insertCte(st: Statement, { shape: { table, list }, rows, items }: TableRows): string {
  return `INSERT INTO ${table} (${list})
    SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ${st.param(JSON.stringify(rows))}::jsonb) WITH ORDINALITY AS r
     WHERE (${st.param(items)}::int[])[r.ordinality] IN (SELECT g FROM go)`;
}

/** Updates of one table and column list, from every item (each row with its `id`), like tableRows. */
function tableUpdates(batches: AnyBatch[]): TableRows[] {
  const byShape = new ByShape();
  batches.forEach((batch, g) => {
    for (const update of batch.updates ?? []) byShape.add(shapeOf(update.table, Object.keys(update.set)), { ...rowJson(update.set), id: update.id }, g);
  });
  return byShape.list();
}

function updateCte(st: Statement, { shape: { table, list, fromRows }, rows, items }: TableRows): string {
  return `UPDATE ${table} AS t SET (${list}) = ROW(${fromRows})
      FROM jsonb_populate_recordset(NULL::${table}, ${st.param(JSON.stringify(rows))}::jsonb) WITH ORDINALITY AS r
     WHERE t.id = r.id AND (${st.param(items)}::int[])[r.ordinality] IN (SELECT g FROM go)`;
}

type Outcome = 'wrote' | 'stale' | 'claimed before';

/**
 * Several batches in ONE statement, each all or nothing on its own: an item whose expected row moved, or whose
 * key was already claimed, writes nothing; the others write. The statement itself is all or nothing (a failed
 * insert rolls back every item). Answers, per item, what happened. The text depends only on the tables and
 * columns written, never on how many items there are, so one prepared statement serves every group size.
 */
async function writeStatement(db: Executor, batches: AnyBatch[]): Promise<Outcome[]> {
  const st = new Statement();
  const audits = batches.flatMap((batch, g) => (batch.audit ? [auditEntryRecord(batch.audit, g)] : []));
  const guard = guardCtes(st, batches);
  const ctes = [
    ...guard,
    ...tableRows(batches).map((rows, i) => `w${i} AS (${insertCte(st, rows)})`),
    ...tableUpdates(batches).map((rows, i) => `u${i} AS (${updateCte(st, rows)})`),
    ...(audits.length > 0 ? auditChainCtes(st.param(JSON.stringify(audits)), 'e.g IN (SELECT g FROM go)') : []),
  ];
  const expecting = batches.some((batch) => batch.expect);
  const answer = expecting ? 'SELECT g, true AS wrote FROM go UNION ALL SELECT g, false FROM ready' : 'SELECT g, true AS wrote FROM go';
  const text = `${PREPARED} WITH RECURSIVE ${ctes.join(',\n')} ${answer}`;
  const { rows } = await db.executeQuery<{ g: number; wrote: boolean }>(CompiledQuery.raw(text, st.params));
  const outcomes = batches.map((batch): Outcome => (batch.expect ? 'stale' : 'claimed before'));
  for (const row of rows) {
    if (row.wrote) outcomes[row.g] = 'wrote';
    else if (outcomes[row.g] === 'stale') outcomes[row.g] = 'claimed before';
  }
  return outcomes;
}

/** An item's answer: written, stale (its expected row moved), or (its key was claimed before) the response stored for that key. */
async function settle(db: Executor, batch: AnyBatch, outcome: Outcome): Promise<BatchResult | StaleResult> {
  const key = batch.idempotency?.key;
  if (outcome === 'wrote') return { applied: true };
  if (outcome === 'stale') return { applied: false, stale: true };
  if (!batch.idempotency || !key) throw new Error('write batch: a batch without a key was not written');
  return { applied: false, stored: await readStoredResponse(db, { ...batch.idempotency, key }) };
}

/** How many group statements may run at once, and how many batches one statement takes. */
export type WriteGroupLimits = { inFlight: number; maxItems: number };
/**
 * Two statements at once: one runs in the database while the answers of the other are handled and the next
 * group forms (one and three measured no better in the ingest benchmark). 64 batches a statement keeps its
 * parameters to a few hundred kilobytes.
 */
export const DEFAULT_WRITE_GROUPS: WriteGroupLimits = { inFlight: 2, maxItems: 64 };

type Pending = { batch: AnyBatch; resolve: (result: BatchResult | StaleResult) => void; reject: (error: unknown) => void };

/**
 * Group commit for batches written outside a transaction (a new case with its first message, the ingest hot
 * path). At most `inFlight` statements run at once; batches that arrive while they run wait, and the next
 * statement takes up to `maxItems` of them together. Under load one statement, one round trip and one commit
 * serve a whole group (the database's work per message falls to about a third in the ingest benchmark); with
 * nothing waiting a batch goes out alone at the end of the event loop's turn. A batch never shares a statement with another
 * holding the same idempotency key (that one waits for the next statement, and finds the key claimed) or
 * expecting or updating the same row (it waits too: a statement updates a row once). If a
 * group's statement fails, nothing of it was written and each batch is written again on its own, so only the
 * batch that fails gets the error.
 */
class WriteGroups {
  private queue: Pending[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly limits: WriteGroupLimits,
  ) {}

  submit(batch: AnyBatch): Promise<BatchResult | StaleResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.schedule();
    });
  }

  /** Sends at the end of this turn of the event loop, so batches made in the same turn go out together. */
  private schedule(): void {
    if (this.scheduled || this.running >= this.limits.inFlight || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.limits.inFlight && this.queue.length > 0) {
        this.running++;
        void this.write(this.take()).finally(() => {
          this.running--;
          this.schedule();
        });
      }
    });
  }

  /** The next group: batches in arrival order, but none sharing an idempotency key or a row it expects or updates with one before it. */
  private take(): Pending[] {
    const group: Pending[] = [];
    const rest: Pending[] = [];
    const taken = new Set<string>();
    for (const pending of this.queue) {
      const { idempotency: claim, expect, updates } = pending.batch;
      const marks = [
        ...(claim?.key ? [`key\0${claim.actorId}\0${claim.key}`] : []),
        ...(expect ? [`row\0${expect.table}\0${expect.id}`] : []),
        ...(updates ?? []).map((u) => `row\0${u.table}\0${u.id}`),
      ];
      if (group.length >= this.limits.maxItems || marks.some((mark) => taken.has(mark))) rest.push(pending);
      else {
        for (const mark of marks) taken.add(mark);
        group.push(pending);
      }
    }
    this.queue = rest;
    return group;
  }

  private async write(group: Pending[]): Promise<void> {
    const answer = (pending: Pending, outcome: Outcome) => settle(this.db, pending.batch, outcome).then(pending.resolve, pending.reject);
    let outcomes: Outcome[];
    try {
      outcomes = await writeStatement(this.db, group.map((pending) => pending.batch));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      await Promise.all(
        group.map((pending) =>
          writeStatement(this.db, [pending.batch]).then(([one]) => answer(pending, one!), pending.reject),
        ),
      );
      return;
    }
    group.forEach((pending, i) => void answer(pending, outcomes[i]!));
  }
}

const groups = new WeakMap<Db, WriteGroups>();

/** Sets the group commit limits for a database (before its first write; the default is DEFAULT_WRITE_GROUPS). */
export function configureWriteGroups(db: Db, limits: WriteGroupLimits): void {
  if (!Number.isInteger(limits.inFlight) || limits.inFlight < 1 || !Number.isInteger(limits.maxItems) || limits.maxItems < 1) {
    throw new TypeError('write groups: inFlight and maxItems must be positive integers');
  }
  groups.set(db, new WriteGroups(db, limits));
}

async function execute(db: Executor, batch: AnyBatch): Promise<BatchResult | StaleResult> {
  if (db.isTransaction) {
    const [outcome] = await writeStatement(db, [batch]);
    return settle(db, batch, outcome!);
  }
  let group = groups.get(db as Db);
  if (!group) groups.set(db as Db, (group = new WriteGroups(db as Db, DEFAULT_WRITE_GROUPS)));
  return group.submit(batch);
}

/**
 * Writes a batch in one statement. Inside a transaction it runs there, on the transaction's connection; on
 * the pool it joins the next group commit (WriteGroups above).
 */
export async function executeBatch(db: Executor, batch: WriteBatch): Promise<BatchResult> {
  return (await execute(db, batch)) as BatchResult; // expecting no row, it is never stale
}

/** As executeBatch, only if the expected row has not moved since it was read (else `stale`, nothing written). */
export async function executeBatchIfUnchanged(db: Executor, batch: ExpectingBatch): Promise<BatchResult | StaleResult> {
  return execute(db, batch);
}
