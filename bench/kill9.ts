// Durability of acknowledged messages across a crash of the server process, on PostgreSQL: a server on a new
// database, cardholders signed in, POST /api/v1/messages at 32 connections (each message with its own
// Idempotency-Key); after ~3 s the server gets `kill -9` mid-load. It is started again on the same database
// with the same keys, and then:
//   - every message whose 201 arrived must be in `messages`, and its case in `cases` (lost must be 0);
//   - the requests that got no answer are retried with their Idempotency-Key: each must answer 201, those
//     that had committed before the kill replayed, and no key may have made two cases;
//   - a sample of acknowledged cases is read back through the API (the body decrypts after the restart).
// This is a crash of the application process, not of the machine: PostgreSQL keeps running.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { BENCH_SUBJECT, benchKeys, cardholderEmails, messageFor, tokensFor } from './lib/cardholders.ts';
import { freshDatabase, postgresAdminUrl } from './lib/postgres.ts';
import { type RunningServer, startServer, tempDir } from './lib/server.ts';
import { round } from './lib/stats.ts';
import type { BenchContext } from './lib/types.ts';

const CONNECTIONS = Number(process.env.BENCH_KILL_CONNECTIONS ?? 32);
const KILL_AFTER_MS = Number(process.env.BENCH_KILL_AFTER_MS ?? 3000);
const DB_NAME = 'cardcare_bench_kill9';
const SAMPLE = 20;

type Sent = { key: string; connection: number; body: string };
type Acked = Sent & { caseId: string; messageId: string };

function post(agent: http.Agent, base: URL, path: string, token: string, key: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        path,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.once('error', () => resolve({ status: 0, text: '' }));
      },
    );
    req.once('error', (error) => resolve({ status: 0, text: error.message }));
    req.end(body);
  });
}

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function run(ctx: BenchContext): Promise<void> {
  const admin = await postgresAdminUrl(ctx.log);
  if (!admin) {
    ctx.record('kill -9', 'skipped', '', 'needs DATABASE_URL or Debian postgresql (scripts/pg-start.sh)');
    return;
  }
  const database = await freshDatabase(admin, DB_NAME);
  const dataDir = tempDir('kill9');
  const env = benchKeys(); // the restarted server must unwrap the data keys the first one wrote
  ctx.log('starting the server on a new PostgreSQL database (migrations + demo seed)…');
  let server: RunningServer = await startServer({ databaseUrl: database.url, dataDir, env });
  try {
    const emails = await cardholderEmails(database.url, CONNECTIONS);
    const tokens = await tokensFor(server.url, emails, CONNECTIONS);
    ctx.log(`${emails.length} cardholders signed in; POST /api/v1/messages at ${CONNECTIONS} connections, kill -9 after ${KILL_AFTER_MS / 1000} s…`);

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    const base = new URL(server.url);
    const acked: Acked[] = [];
    const unanswered: Sent[] = []; // no answer: the connection broke at the kill
    const otherStatus: string[] = [];
    const inFlight = new Set<Sent>();
    let killed = false;
    let lateAnswers = 0;

    const worker = async (connection: number) => {
      for (let n = 0; !killed; n++) {
        const sent: Sent = { key: randomUUID(), connection, body: JSON.stringify(messageFor(connection, n)) };
        inFlight.add(sent);
        const res = await post(agent, base, '/api/v1/messages', tokens[connection]!, sent.key, sent.body);
        inFlight.delete(sent);
        if (res.status === 201) {
          const posted = JSON.parse(res.text) as { id: string; message: { id: string } };
          acked.push({ ...sent, caseId: posted.id, messageId: posted.message.id });
          if (killed) lateAnswers++;
        } else if (res.status === 0) unanswered.push(sent);
        else otherStatus.push(`${res.status} ${res.text.slice(0, 200)}`);
      }
    };
    const workers = Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => worker(i)));
    await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
    const ackedBeforeKill = acked.length;
    const inFlightAtKill = inFlight.size;
    killed = true;
    await server.kill('SIGKILL');
    await workers;
    agent.destroy();
    ctx.record('messages acknowledged (201) before the kill', ackedBeforeKill, '', `${round(ackedBeforeKill / (KILL_AFTER_MS / 1000))} msg/s over ${KILL_AFTER_MS / 1000} s`);
    ctx.record('requests in flight at the kill', inFlightAtKill, '', `${lateAnswers} of them still got their 201, ${unanswered.length} got no answer`);
    if (otherStatus.length > 0) ctx.log(`${otherStatus.length} answers were neither 201 nor a broken connection; first: ${otherStatus[0]}`);

    ctx.log('restarting the server on the same database…');
    server = await startServer({ databaseUrl: database.url, dataDir, env });
    ctx.record('restart to healthy after kill -9', round(server.readyMs / 1000, 2), 's');

    const messageIds = acked.map((a) => a.messageId);
    const caseIds = acked.map((a) => a.caseId);
    const foundMessages = await query<{ id: string; case_id: string }>(database.url, 'SELECT id, case_id FROM messages WHERE id = ANY($1)', [messageIds]);
    const foundCases = await query<{ id: string }>(database.url, 'SELECT id FROM cases WHERE id = ANY($1)', [caseIds]);
    const caseOfMessage = new Map(foundMessages.map((m) => [m.id, m.case_id]));
    const lost = acked.filter((a) => caseOfMessage.get(a.messageId) !== a.caseId);
    const casesLost = caseIds.length - foundCases.length;
    ctx.record('acknowledged messages', acked.length);
    ctx.record('acknowledged messages found after restart', foundMessages.length, '', `their cases: ${foundCases.length} of ${caseIds.length}`);
    ctx.record('acknowledged messages LOST', lost.length + casesLost, '', lost.length + casesLost === 0 ? 'must be 0: ok' : `must be 0: FAILED (e.g. ${lost[0]?.messageId ?? 'a case'})`);
    // Only what the load wrote: the server's own start-up work (the rewards sweep, the account-review rule) opens
    // cases and writes messages of its own, which are neither acknowledged nor duplicates.
    const [total] = await query<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.subject = '${BENCH_SUBJECT}'`);
    ctx.record('committed without an answer', (total?.n ?? 0) - foundMessages.length, '', 'in the database, 201 never arrived (the client retries with its key)');

    // Retry what got no answer, with the same key and body: committed ones replay, the others run now.
    const keys = unanswered.map((u) => u.key);
    const committed = new Set(
      (await query<{ key: string }>(database.url, 'SELECT key FROM idempotency_keys WHERE key = ANY($1) AND status_code IS NOT NULL', [keys])).map((r) => r.key),
    );
    const retryAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const retryBase = new URL(server.url);
    const retried = await Promise.all(unanswered.map((u) => post(retryAgent, retryBase, '/api/v1/messages', tokens[u.connection]!, u.key, u.body)));
    retryAgent.destroy();
    const retryOk = retried.filter((r) => r.status === 201).length;
    const [cases] = await query<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM cases WHERE subject = '${BENCH_SUBJECT}'`);
    const distinctKeys = acked.length + unanswered.length;
    const duplicates = (cases?.n ?? 0) - distinctKeys;
    ctx.record(
      'unanswered requests retried with their Idempotency-Key',
      `${retryOk}/${unanswered.length} → 201`,
      '',
      `${committed.size} had committed before the kill (replayed); cases in the database ${cases?.n} for ${distinctKeys} keys: ${duplicates === 0 ? 'no duplicates' : `${duplicates} DUPLICATES`}`,
    );

    // Read a sample back through the API: the restarted process decrypts what the killed one wrote.
    const sample = acked.filter((_, i) => i % Math.max(1, Math.floor(acked.length / SAMPLE)) === 0).slice(0, SAMPLE);
    let readable = 0;
    for (const a of sample) {
      const res = await fetch(`${server.url}/api/v1/cases/${a.caseId}`, { headers: { authorization: `Bearer ${tokens[a.connection]}` } });
      const text = await res.text();
      if (res.status === 200 && text.includes(a.messageId) && !text.includes('4111 1111 1111 1111')) readable++;
    }
    ctx.record('acknowledged cases read back after restart', `${readable}/${sample.length}`, '', 'GET /api/v1/cases/:id: 200, holds the message, card number redacted');
  } finally {
    await server.stop();
    await database.drop();
  }
}
