// Two real server processes (`node --import tsx src/server.ts`) on one PostgreSQL database, sharing the
// encryption keys as a deployment must:
//   (a) every message lands once: each message, with its own Idempotency-Key, is sent at the same time to
//       BOTH processes; both answer with the same case, and the database holds one case and one message per key;
//   (b) every SLA breach is acted on once: the cases' first-response due times are moved into the past and the
//       processes' SLA sweeps run (on the real clock); each case gets exactly one `sla_breached` event, one
//       escalation of its priority and one audit row.
// PGlite serves one process only, so this needs DATABASE_URL (npm run test:pg); without it the suite is skipped.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { DEMO_CARDHOLDERS, DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';
import { cloneDatabase, postgresTemplate, ROOT } from '../template.ts';

const DATABASE_URL = process.env.DATABASE_URL;
const MESSAGES = 30;
const ESCALATE: Record<string, string> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };

type Server = { name: string; url: string; child: ChildProcess; output: () => string; exited: Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function spawnServer(name: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { name, url: `http://127.0.0.1:${port}`, child, output: () => log, exited };
}

async function waitHealthy(server: Server, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`server ${server.name} exited (${server.child.exitCode ?? server.child.signalCode}) before /healthz answered:\n${server.output()}`);
    }
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server ${server.name} not healthy after ${timeoutMs} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const killed = await Promise.race([server.exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 10_000))]);
  if (killed) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

describe('two server processes on one PostgreSQL database', { skip: DATABASE_URL ? false : 'needs DATABASE_URL: PGlite (embedded) serves one process only — run with npm run test:pg' }, () => {
  let clone: { url: string; drop: () => Promise<void> };
  let pool: pg.Pool;
  let dataDir: string;
  const servers: Server[] = [];
  let token = '';
  const caseIds: string[] = [];

  before(async () => {
    clone = await cloneDatabase(DATABASE_URL!, await postgresTemplate(DATABASE_URL!));
    pool = new pg.Pool({ connectionString: clone.url, max: 4 });
    // Automatic assignment rewrites a case's SLA due times from its timeline (saveCase), which would undo the
    // due times part (b) moves into the past. No agent takes work here, so the only writer of those cases is
    // the SLA sweep under test.
    await pool.query("UPDATE users SET available = false WHERE role = 'agent'");
    dataDir = mkdtempSync(path.join(tmpdir(), 'cardcare-two-processes-'));
    const env = {
      DATABASE_URL: clone.url,
      CARDCARE_DATA_DIR: dataDir, // attachment blobs (none here); both processes share it, as they share the database
      CARDCARE_KEYS: `shared:${randomBytes(32).toString('base64')}`,
      CARDCARE_ACTIVE_KEY: 'shared',
      CARDCARE_SEED_DEMO: 'false',
      SLA_SWEEP_SECONDS: '1', // the shortest period the server accepts
      SLA_SWEEP_MS: '200', // older servers read this instead
      SIGNIN_RATE_PER_MINUTE: '100000',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    };
    servers.push(await spawnServer('A', env), await spawnServer('B', env));
    await Promise.all(servers.map((s) => waitHealthy(s)));
    const res = await fetch(`${servers[0]!.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_CARDHOLDERS[0], password: DEMO_PASSWORD }),
    });
    const body = (await res.json()) as { token?: string };
    assert.equal(res.status, 200, `sign-in: ${JSON.stringify(body)}`);
    token = body.token!;
  });

  after(async () => {
    await Promise.all(servers.map(stopServer));
    await pool?.end();
    await clone?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('lands every message once when the same request reaches both processes at the same time', async () => {
    const keys = Array.from({ length: MESSAGES }, () => randomUUID());
    const send = (server: Server, key: string, i: number) =>
      fetch(`${server.url}/api/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ subject: `Charged twice (${i})`, body: `My card 4111 1111 1111 1111 was charged twice at the store, please help. Reference ${i}.` }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { id?: string; message?: { id?: string } } }));
    const answers = await Promise.all(keys.map((key, i) => Promise.all(servers.map((s) => send(s, key, i)))));

    for (const [i, [a, b]] of answers.entries()) {
      assert.equal(a!.status, 201, `message ${i} on A: ${JSON.stringify(a!.body)}`);
      assert.equal(b!.status, 201, `message ${i} on B: ${JSON.stringify(b!.body)}`);
      assert.equal(a!.body.id, b!.body.id, `message ${i}: both processes answer with the same case`);
      assert.equal(a!.body.message?.id, b!.body.message?.id, `message ${i}: both processes answer with the same message`);
      caseIds.push(a!.body.id!);
    }
    assert.equal(new Set(caseIds).size, MESSAGES, 'one case per key');

    const { rows: cases } = await pool.query<{ n: number }>(
      // (The same cardholder may have other cases, e.g. the rewards case the posting sweep opens at start.)
      "SELECT count(*)::int AS n FROM cases c JOIN users u ON u.customer_id = c.customer_id WHERE u.email = $1 AND c.subject LIKE 'Charged twice (%'",
      [DEMO_CARDHOLDERS[0]],
    );
    assert.equal(cases[0]!.n, MESSAGES, 'the database holds exactly one case per key');
    const { rows: perCase } = await pool.query<{ case_id: string; n: number }>(
      'SELECT c.id AS case_id, count(m.id)::int AS n FROM cases c LEFT JOIN messages m ON m.case_id = c.id WHERE c.id = ANY($1) GROUP BY c.id',
      [caseIds],
    );
    assert.equal(perCase.length, MESSAGES);
    for (const row of perCase) assert.equal(row.n, 1, `case ${row.case_id} holds exactly one message`);
    const { rows: stored } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ANY($1) AND status_code = 201', [keys]);
    assert.equal(stored[0]!.n, MESSAGES, 'one stored answer per key');
  });

  it('acts on every SLA breach once although both processes run the SLA sweep', async (t) => {
    if (caseIds.length !== MESSAGES) return t.skip('needs the cases of the previous test');
    const { rows: before } = await pool.query<{ id: string; priority: string }>('SELECT id, priority FROM cases WHERE id = ANY($1)', [caseIds]);
    const priorityBefore = new Map(before.map((r) => [r.id, r.priority]));
    await pool.query(
      "UPDATE cases SET first_response_due_at = now() - interval '1 minute', sla_breached_at = NULL WHERE id = ANY($1)",
      [caseIds],
    );

    const deadline = Date.now() + 20_000;
    let breached = 0;
    while (Date.now() < deadline) {
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND sla_breached_at IS NOT NULL', [caseIds]);
      breached = rows[0]!.n;
      if (breached === MESSAGES) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(breached, MESSAGES, 'every case is marked breached within 20 s');
    await new Promise((r) => setTimeout(r, 2500)); // more sweeps in both processes: none may act again

    const { rows: events } = await pool.query<{ case_id: string; kind: string; n: number }>(
      "SELECT case_id, kind, count(*)::int AS n FROM case_events WHERE case_id = ANY($1) AND kind IN ('sla_breached', 'priority_changed') GROUP BY case_id, kind",
      [caseIds],
    );
    const count = (id: string, kind: string) => events.find((e) => e.case_id === id && e.kind === kind)?.n ?? 0;
    const { rows: after } = await pool.query<{ id: string; priority: string }>('SELECT id, priority FROM cases WHERE id = ANY($1)', [caseIds]);
    const { rows: audits } = await pool.query<{ target_id: string; n: number }>(
      "SELECT target_id, count(*)::int AS n FROM audit_log WHERE action = 'case.priority' AND actor_role = 'system' AND target_id = ANY($1) GROUP BY target_id",
      [caseIds],
    );
    for (const row of after) {
      const from = priorityBefore.get(row.id)!;
      assert.equal(count(row.id, 'sla_breached'), 1, `case ${row.id}: exactly one sla_breached event`);
      assert.equal(row.priority, ESCALATE[from], `case ${row.id}: priority escalated one step once (${from} → ${ESCALATE[from]})`);
      assert.equal(count(row.id, 'priority_changed'), from === ESCALATE[from] ? 0 : 1, `case ${row.id}: one priority_changed event`);
      assert.equal(audits.find((a) => a.target_id === row.id)?.n ?? 0, 1, `case ${row.id}: one audit row for the escalation`);
    }
  });

  it('forgets a signed-out session in the other process too (sessions are cached per process)', async () => {
    const [a, b] = servers as [Server, Server];
    const signIn = await fetch(`${a.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_CARDHOLDERS[1], password: DEMO_PASSWORD }),
    });
    const { token: other } = (await signIn.json()) as { token: string };
    const me = (server: Server) => fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${other}` } }).then((r) => r.status);
    assert.deepEqual([await me(a), await me(b)], [200, 200], 'both processes now hold the session in their cache');
    const out = await fetch(`${a.url}/api/v1/session`, { method: 'DELETE', headers: { authorization: `Bearer ${other}` } });
    assert.equal(out.status, 204);
    // The revocation reaches B over LISTEN/NOTIFY within milliseconds, well inside the 5 s cache lifetime.
    let status = 200;
    for (let i = 0; i < 50 && status === 200; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = await me(b);
    }
    assert.equal(status, 401, 'B refuses the signed-out session before its cache entry would have expired');
  });
});
