import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, type Session, signIn } from '../helpers.ts';
import { type Depth, type JsonSchema, type Operation, type Parameter, variantsFor } from './hostile-variants.ts';

/**
 * The contract: every endpoint answers malformed, oversized, hostile or unauthorized input with a precise
 * application/problem+json error (a string `code`), never a 500 and never a stack trace or SQL text.
 * Operations come from the app's own OpenAPI document, so a new route is covered without touching this file.
 */

// Streaming endpoints hold the connection open (text/event-stream), so `inject` would wait for ever once
// signed in; only the anonymous refusal is checked for them.
const STREAMING = new Set(['GET /api/v1/events']);
// Signing out would end the session the following requests use; only the anonymous variants are sent.
const SESSION_ENDING = new Set(['DELETE /api/v1/session']);

/**
 * Known failures in modules another engineer is changing right now (disputes, reviews, notices): listed here,
 * by operation and variant name, so they stay visible; remove an entry once its module is fixed.
 */
const KNOWN_UNFIXED: Record<string, RegExp> = {};

const STACK_OR_SQL =
  /\n\s+at \S.*:\d+:\d+|node_modules|\/src\/(platform|modules)\/|invalid input syntax|syntax error at or near|violates (not-null|foreign key|check|unique) constraint|out of range for type|does not exist|invalid byte sequence/i;

const t = await buildTestApp();
const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
};

const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    parameters: op.parameters ?? [],
    bodySchema: op.requestBody?.content['application/json']?.schema ?? null,
    bodyTypes: Object.keys(op.requestBody?.content ?? {}),
  })),
);

const ids = await realIds();
const actors: Array<{ name: string; depth: Depth; session: Session | null }> = [
  { name: 'anonymous', depth: 'shallow', session: null },
  { name: 'cardholder', depth: 'full', session: await signIn(t, 'cardholder@example.com') },
  { name: 'agent', depth: 'shallow', session: await signIn(t, 'agent@example.com') },
  { name: 'supervisor', depth: 'full', session: await signIn(t, 'supervisor@example.com') },
];

/** One real id per prefix, preferring rows of the demo cardholder, so valid-looking requests reach the use case. */
async function realIds(): Promise<(prefix: string) => string | undefined> {
  const db = t.database.db;
  const owner = await sql<{ customer_id: string }>`select customer_id from users where email = 'cardholder@example.com'`.execute(db);
  const customerId = owner.rows[0]?.customer_id ?? '';
  const tables = await sql<{ table_name: string; columns: string[] }>`
    select table_name, array_agg(column_name::text) as columns from information_schema.columns
    where table_schema = 'public' group by table_name having bool_or(column_name = 'id' and data_type = 'text')`.execute(db);
  const found = new Map<string, string>([['cus', customerId]]);
  for (const { table_name, columns } of tables.rows) {
    const mine = columns.includes('customer_id')
      ? sql`customer_id = ${customerId}`
      : columns.includes('account_id')
        ? sql`account_id in (select id from accounts where customer_id = ${customerId})`
        : sql`(id = '')`;
    const rows = await sql<{ id: string }>`select id from ${sql.table(table_name)} order by ${mine} desc, id limit 1`.execute(db);
    const prefix = /^([a-z]+)_[0-9a-z]{16}$/.exec(rows.rows[0]?.id ?? '')?.[1];
    if (prefix && !found.has(prefix)) found.set(prefix, rows.rows[0]?.id as string);
  }
  return (prefix) => found.get(prefix);
}

let requestNumber = 0;

async function check(op: Operation, actor: (typeof actors)[number], failures: string[]): Promise<number> {
  const variants = variantsFor(op, ids, actor.depth);
  for (const variant of variants) {
    requestNumber += 1;
    const headers: Record<string, string> = { ...(actor.session?.headers ?? {}), 'idempotency-key': `hostile-${requestNumber}` };
    if (variant.contentType) headers['content-type'] = variant.contentType;
    const res = await t.app.inject({ method: op.method as 'GET', url: variant.url, headers, ...(variant.payload !== undefined ? { payload: variant.payload } : {}) });
    const label = `${actor.name} ${variant.name}`;
    if (KNOWN_UNFIXED[`${op.method} ${op.path}`]?.test(label)) continue;
    const body = res.body;
    const problemType = String(res.headers['content-type'] ?? '');
    let reason = '';
    if (res.statusCode >= 500) reason = 'server error';
    else if (res.statusCode >= 400 && !problemType.startsWith('application/problem+json')) reason = `not problem+json (${problemType})`;
    else if (res.statusCode >= 400 && typeof (JSON.parse(body) as { code?: unknown }).code !== 'string') reason = 'no string code';
    else if (STACK_OR_SQL.test(body.slice(0, 20_000))) reason = 'stack trace or SQL text in body';
    if (reason) failures.push(`${label} → ${res.statusCode} ${reason}: ${body.slice(0, 300)}`);
  }
  return variants.length;
}

describe('every operation refuses hostile input with a problem, never a 500', () => {
  after(() => t.close());

  it('reads a non-trivial OpenAPI document', () => {
    assert.ok(operations.length > 50, `only ${operations.length} operations`);
    assert.ok(ids('case') && ids('acc') && ids('crd'), 'real ids for the common prefixes');
  });

  for (const op of operations) {
    const key = `${op.method} ${op.path}`;
    it(key, async () => {
      const failures: string[] = [];
      let sent = 0;
      for (const actor of actors) {
        if (actor.session && (STREAMING.has(key) || SESSION_ENDING.has(key))) continue;
        sent += await check(op, actor, failures);
      }
      assert.ok(sent > 0);
      if (process.env.HOSTILE_REPORT) appendFileSync(process.env.HOSTILE_REPORT, failures.map((f) => `${key} | ${f}\n`).join(''));
      assert.deepEqual(failures, []);
    });
  }

  after(() => console.log(`# hostile-inputs: ${operations.length} operations, ${requestNumber} requests`));
});
