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
 * Known failures left in modules another engineer was changing at the time (disputes, reviews, notices), keyed by
 * `METHOD /path` with a pattern over `<actor> <variant>`, so they stay visible; remove an entry once it is fixed.
 * Empty: the two found there (deeply nested JSON → 500 on POST /api/v1/disputes/{id}/provisional-credit and
 * /reverse-provisional-credit, from the idempotency fingerprint) were fixed in the shared JSON parser.
 */
const KNOWN_UNFIXED: Record<string, RegExp> = {};

// Fields the seeding requests need that the schema cannot tell (see seedOneOfEach).
const SEED_FIELDS: Record<string, Record<string, unknown>> = {
  'POST /api/v1/complaints': { category: 'billing_dispute' }, // categories come from the service policy, not the schema
  'POST /api/v1/disputes': { reason: 'other', answers: { description: 'Not mine to keep' } }, // answers depend on the reason
};

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

const actors: Array<{ name: string; depth: Depth; session: Session | null }> = [
  { name: 'anonymous', depth: 'shallow', session: null },
  { name: 'cardholder', depth: 'full', session: await signIn(t, 'cardholder@example.com') },
  { name: 'agent', depth: 'shallow', session: await signIn(t, 'agent@example.com') },
  { name: 'supervisor', depth: 'full', session: await signIn(t, 'supervisor@example.com') },
];
let ids = await realIds();
await seedOneOfEach();
ids = await realIds();

/**
 * The template database has no cases, complaints, reviews…; one valid-looking request per creating endpoint
 * (best effort: a refusal is fine) gives the hostile variants real ids to aim at, so they reach the use cases.
 */
async function seedOneOfEach(): Promise<void> {
  const creators: Array<[string, string]> = [
    ['cardholder', 'POST /api/v1/messages'],
    ['cardholder', 'POST /api/v1/disputes'],
    ['cardholder', 'POST /api/v1/complaints'],
    ['supervisor', 'POST /api/v1/regulator-complaints'],
    ['supervisor', 'POST /api/v1/authorizations'],
    ['supervisor', 'POST /api/v1/accounts/{id}/rewards/adjustments'],
    ['supervisor', 'POST /api/v1/accounts/{id}/review'],
    ['cardholder', 'POST /api/v1/accounts/{id}/fee-refund'],
  ];
  for (const [index, [actorName, key]] of creators.entries()) {
    const op = operations.find((o) => `${o.method} ${o.path}` === key);
    const actor = actors.find((a) => a.name === actorName);
    const valid = op && variantsFor(op, ids, 'full').find((v) => v.name === 'valid-looking body');
    if (!op || !valid || !actor?.session) continue;
    const headers = { ...actor.session.headers, 'content-type': 'application/json', 'idempotency-key': `seed-${index}` };
    const payload = JSON.stringify({ ...JSON.parse(valid.payload ?? '{}'), ...SEED_FIELDS[key] });
    const res = await t.app.inject({ method: 'POST', url: valid.url, headers, payload });
    if (process.env.HOSTILE_REPORT) appendFileSync(process.env.HOSTILE_REPORT, `seed ${key} → ${res.statusCode} ${res.body.slice(0, 200)}\n`);
  }
}

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
const statusCounts = new Map<number, number>();

async function check(op: Operation, actor: (typeof actors)[number], failures: string[]): Promise<number> {
  const variants = variantsFor(op, ids, actor.depth);
  for (const variant of variants) {
    requestNumber += 1;
    const headers: Record<string, string> = { ...(actor.session?.headers ?? {}), 'idempotency-key': `hostile-${requestNumber}` };
    if (variant.contentType) headers['content-type'] = variant.contentType;
    Object.assign(headers, variant.headers);
    if (headers.authorization === '') delete headers.authorization;
    // A distinct client address per request keeps the per-IP rate limits from answering 429 in place of the route.
    const remoteAddress = `10.${(requestNumber >> 16) & 255}.${(requestNumber >> 8) & 255}.${requestNumber & 255}`;
    const res = await t.app.inject({ method: op.method as 'GET', url: variant.url, headers, remoteAddress, ...(variant.payload !== undefined ? { payload: variant.payload } : {}) });
    statusCounts.set(res.statusCode, (statusCounts.get(res.statusCode) ?? 0) + 1);
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
    assert.ok(ids('case') && ids('acc') && ids('crd') && ids('txn'), 'real ids for the common prefixes');
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

  after(() => {
    const counts = [...statusCounts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    console.log(`hostile-inputs: ${operations.length} operations, ${requestNumber} requests; statuses ${counts}`);
  });
});
