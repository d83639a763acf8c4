import { CompiledQuery } from 'kysely';
import { type AuditEntry, auditChainCtes } from './audit.ts';
import { type Executor, PREPARED, type Tables } from './db.ts';
import { type IdempotencyScope, readStoredResponse, type StoredResponse } from './idempotency.ts';

/**
 * A write of inserts (and updates of rows by id) — a new case with its first message, its data key, timeline,
 * audit row and outbox row; a reply with its case update — sent as ONE statement: a chain of data-modifying CTEs, which PostgreSQL runs atomically as one
 * implicit transaction. One round trip instead of a dozen (BEGIN, each INSERT, the audit chain, COMMIT): on
 * this machine a round trip costs more server CPU than everything else a message needs (the ingest benchmark
 * in bench/ingest.ts shows it).
 *
 * Rows go in as JSON and come out through `jsonb_populate_recordset(NULL::<table>, …)`, so each value takes
 * its column's type (timestamptz from an ISO string, bytea from `\x…` hex, jsonb from a JSON value) with no
 * per-table SQL. Foreign keys are checked at the end of the statement, so a child may precede its parent.
 *
 * With an Idempotency-Key the batch is guarded by the key's claim: the key row (holding the response to
 * replay) is the first CTE and every other write happens only if it was inserted. A concurrent duplicate waits
 * on the key's unique index until the first commits, then inserts nothing and gets the stored response.
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
  /** At most one audit row: the chain head of this connection advances once, in the same statement. */
  audit?: AuditEntry | null;
  idempotency?: BatchIdempotency | null;
};

export type BatchResult = { applied: true } | { applied: false; stored: StoredResponse };

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
type Shape = { table: string; list: string };
const shapes = new Map<string, Shape>();
const MAX_SHAPES = 1000;

function shapeOf(table: string, columns: string[]): Shape {
  const key = `${table}\0${columns.join(',')}`;
  let shape = shapes.get(key);
  if (!shape) {
    if (columns.length === 0) throw new TypeError(`write batch: no columns for ${table}`);
    shape = { table: ident(table), list: columns.map(ident).join(', ') };
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

function updateCte(st: Statement, update: BatchUpdate): string {
  const { table, list } = shapeOf(update.table, Object.keys(update.set));
  return `UPDATE ${table} SET (${list}) = (SELECT ${list} FROM jsonb_populate_record(NULL::${table}, ${st.param(JSON.stringify(rowJson(update.set)))}::jsonb))
     WHERE id = ${st.param(update.id)} AND EXISTS (SELECT 1 FROM go)`;
}

function insertCte(st: Statement, insert: BatchInsert): string {
  const columns = Object.keys(insert.rows[0]!);
  for (let i = 1; i < insert.rows.length; i++) {
    const keys = Object.keys(insert.rows[i]!);
    if (keys.length !== columns.length || keys.some((k) => !columns.includes(k))) throw new TypeError(`write batch: rows for ${insert.table} differ in columns`);
  }
  const { table, list } = shapeOf(insert.table, columns);
  return `INSERT INTO ${table} (${list})
    SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ${st.param(JSON.stringify(insert.rows.map(rowJson)))}::jsonb)
     WHERE EXISTS (SELECT 1 FROM go)`;
}

function guardCte(st: Statement, idempotency: BatchIdempotency | null | undefined): string {
  if (!idempotency?.key) return 'SELECT 1 AS ok';
  const { actorId, key, fingerprint, now, response } = idempotency;
  return `INSERT INTO idempotency_keys (actor_id, key, fingerprint, created_at, status_code, response_body)
    VALUES (${st.param(actorId)}, ${st.param(key)}, ${st.param(fingerprint)}, ${st.param(now)}, ${st.param(response.status)}, ${st.param(JSON.stringify(response.body))}::jsonb)
    ON CONFLICT (actor_id, key) DO NOTHING RETURNING 1 AS ok`;
}

export async function executeBatch(db: Executor, batch: WriteBatch): Promise<BatchResult> {
  const st = new Statement();
  const ctes = [
    `go AS (${guardCte(st, batch.idempotency)})`,
    ...batch.inserts.filter((i) => i.rows.length > 0).map((insert, i) => `w${i} AS (${insertCte(st, insert)})`),
    ...(batch.updates ?? []).map((update, i) => `u${i} AS (${updateCte(st, update)})`),
    ...(batch.audit ? auditChainCtes(batch.audit, (value) => st.param(value), 'EXISTS (SELECT 1 FROM go)') : []),
  ];
  const text = `${PREPARED} WITH ${ctes.join(',\n')} SELECT count(*)::int AS applied FROM go`;
  const { rows } = await db.executeQuery<{ applied: number }>(CompiledQuery.raw(text, st.params));
  const key = batch.idempotency?.key;
  if (rows[0]?.applied === 1 || !batch.idempotency || !key) return { applied: true };
  return { applied: false, stored: await readStoredResponse(db, { ...batch.idempotency, key }) };
}
