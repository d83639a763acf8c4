import { createHash } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { Executor } from './db.ts';

/** Closed list of audit actions (Supabase Auth style): new actions are added here, never invented inline. */
export const AUDIT_ACTIONS = [
  'session.sign_in',
  'session.sign_in_failed',
  'session.sign_out',
  'account.locked_out',
  'customer.search',
  'customer.read',
  'account.read',
  'account.list',
  'transaction.list',
  'statement.list',
  'card.read',
  'demo.seed',
  'case.create',
  'case.read',
  'case.list',
  'case.transition',
  'case.assign',
  'case.priority',
  'case.merge',
  'message.create',
  'note.create',
  'message.read_receipt',
  'attachment.read',
  'csat.create',
  'macro.create',
  'macro.update',
  'help_article.create',
  'help_article.update',
  'help_feedback.create',
  'authorization.create',
  'fraud_alert.create',
  'fraud_alert.list',
  'fraud_alert.confirm',
  'fraud_alert.deny',
  'card.lock',
  'card.unlock',
  'card.block',
  'card.reissue',
  'transaction.read',
  'dispute.create',
  'dispute.network_move',
  'dispute.money_step',
  'dispute.resolve',
  'case.escalate',
  'case.rights_invoked',
  'complaint.create',
  'complaint.acknowledge',
  'complaint.respond',
  'complaint.close',
  'complaint.read',
  'complaint.list',
  'complaint.export',
  'callback.create',
  'dispute.read',
  'dispute.list',
  'notice.issue',
  'notice.read',
  'dashboard.read',
  'fee_refund.request',
  'fee_refund.approve',
  'fee_refund.reject',
  'review.open',
  'review.read',
  'review.documents_request',
  'review.document_upload',
  'review.document_check',
  'review.document_reminder',
  'review.document_overdue',
  'review.decide',
  'rewards.read',
  'rewards.explain',
  'reward_enrollment.create',
  'reward_adjustment.create',
  'reward_adjustment.approve',
  'reward_adjustment.reject',
  'reward_redemption.create',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Must match the rows created by migration 0001. */
export const AUDIT_CHAINS = 64;
const GENESIS = '0'.repeat(64);

export type AuditEntry = {
  action: AuditAction;
  actorId: string | null;
  actorRole: string | null;
  targetType?: string | null;
  targetId?: string | null;
  requestId?: string | null;
  ip?: string | null;
  at: Date;
  detail?: Record<string, unknown>;
};

/** The entry's indexed facts with absent ones as null, in the canonical payload's key order. */
function auditFacts(entry: AuditEntry) {
  return {
    action: entry.action,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
    at: entry.at.toISOString(),
  };
}

export function canonicalAuditPayload(entry: AuditEntry): string {
  return JSON.stringify({ ...auditFacts(entry), detail: entry.detail ?? {} });
}

export function chainHash(previous: string, payload: string): string {
  return createHash('sha256').update(`${previous}\n${payload}`).digest('hex');
}

/** An entry as the chain step reads it (`jsonb_to_recordset` in auditChainCtes); `g` orders entries and names their write. */
export function auditEntryRecord(entry: AuditEntry, g = 0) {
  const facts = auditFacts(entry);
  return {
    g,
    payload: canonicalAuditPayload(entry),
    at: facts.at,
    actor_id: facts.actorId,
    actor_role: facts.actorRole,
    action: facts.action,
    target_type: facts.targetType,
    target_id: facts.targetId,
    request_id: facts.requestId,
    ip: facts.ip,
  };
}

/**
 * The chain step for any number of entries, as CTEs of one statement (which must start `WITH RECURSIVE`):
 * `entries` is the placeholder of a JSON array of auditEntryRecord()s, `only` a further condition on them (a
 * write batch's idempotency claims, write-batch.ts). The connection's chain head is locked (FOR UPDATE returns
 * its latest committed version), advanced once per entry in `g` order by the sha256 formula chainHash computes
 * (a recursive CTE, so each hash takes the one before it), written back, and each entry inserted with its
 * hash. recordAudit and the write batch both use it, so the formula verifyAuditChain checks is written once.
 */
export function auditChainCtes(entries: string, only = 'true'): string[] {
  return [
    `audit_entries AS (
      SELECT e.*, row_number() OVER (ORDER BY e.g) AS n
        FROM jsonb_to_recordset(${entries}::jsonb) AS e(g int, payload text, at timestamptz, actor_id text, actor_role text, action text,
                                                         target_type text, target_id text, request_id text, ip text)
       WHERE ${only})`,
    `audit_head AS (
      SELECT chain, seq, hash FROM audit_chain_heads
       WHERE chain = pg_backend_pid() % ${AUDIT_CHAINS} AND EXISTS (SELECT 1 FROM audit_entries)
         FOR UPDATE)`,
    `audit_steps AS (
      SELECT 0::bigint AS n, seq, hash FROM audit_head
      UNION ALL
      SELECT s.n + 1, s.seq + 1, encode(sha256(convert_to(s.hash || E'\\n' || e.payload, 'UTF8')), 'hex')
        FROM audit_steps s JOIN audit_entries e ON e.n = s.n + 1)`,
    `audit_advanced AS (
      UPDATE audit_chain_heads h SET seq = last.seq, hash = last.hash
        FROM (SELECT seq, hash FROM audit_steps ORDER BY n DESC LIMIT 1) last
       WHERE h.chain = (SELECT chain FROM audit_head))`,
    `audited AS (
      INSERT INTO audit_log (chain, seq, at, actor_id, actor_role, action, target_type, target_id, request_id, ip, payload, hash)
      SELECT (SELECT chain FROM audit_head), s.seq, e.at, e.actor_id, e.actor_role, e.action, e.target_type, e.target_id, e.request_id, e.ip, e.payload, s.hash
        FROM audit_steps s JOIN audit_entries e ON e.n = s.n)`,
  ];
}

/**
 * Appends one row inside the caller's transaction. The chain is the connection's (backend pid mod
 * AUDIT_CHAINS): a transaction runs on one connection, so all its rows go to one chain and two transactions
 * never wait on each other's chain heads crosswise; connections rarely share a chain. The head row is advanced
 * in the same statement and stays locked until commit.
 */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  const text = `WITH RECURSIVE ${auditChainCtes('$1').join(',\n')} SELECT 1`;
  await executor.executeQuery(CompiledQuery.raw(text, [JSON.stringify([auditEntryRecord(entry)])]));
}

export type AuditVerification =
  | { ok: true; rows: number; chains: number }
  | { ok: false; rows: number; firstBroken: { id: number; chain: number; seq: number; reason: string } };

type AuditRow = {
  id: number;
  chain: number;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  ip: string | null;
  payload: string;
  hash: string;
};

function columnsMatchPayload(row: AuditRow): string | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(row.payload) as Record<string, unknown>;
  } catch {
    return 'payload is not JSON';
  }
  const expected: Record<string, unknown> = {
    action: row.action,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    targetType: row.target_type,
    targetId: row.target_id,
    requestId: row.request_id,
    ip: row.ip,
    at: new Date(row.at).toISOString(),
  };
  for (const [key, value] of Object.entries(expected)) {
    if (parsed[key] !== value) return `column ${key} differs from the hashed payload`;
  }
  return null;
}

/** Walks every chain from its genesis; names the first broken row (lowest id among the chains' first breaks). */
export async function verifyAuditChain(pool: pg.Pool, batch = 5000): Promise<AuditVerification> {
  type Break = { id: number; chain: number; seq: number; reason: string };
  let rows = 0;
  let firstBroken: Break | null = null;
  const heads = await pool.query<{ chain: number; seq: number; hash: string }>('SELECT chain, seq, hash FROM audit_chain_heads ORDER BY chain');
  for (const head of heads.rows) {
    let previous = GENESIS;
    let expectedSeq = 1;
    let broken: Break | null = null;
    for (;;) {
      const { rows: page } = await pool.query<AuditRow>(
        'SELECT * FROM audit_log WHERE chain = $1 AND seq >= $2 ORDER BY seq LIMIT $3',
        [head.chain, expectedSeq, batch],
      );
      for (const row of page) {
        rows++;
        const reason =
          row.seq !== expectedSeq
            ? `sequence jumps from ${expectedSeq - 1} to ${row.seq} (a row was removed)`
            : chainHash(previous, row.payload) !== row.hash
              ? 'hash does not match the previous row and the payload'
              : columnsMatchPayload(row);
        if (reason) {
          broken = { id: Number(row.id), chain: head.chain, seq: Number(row.seq), reason };
          break;
        }
        previous = row.hash;
        expectedSeq++;
      }
      if (broken || page.length < batch) break;
    }
    if (!broken && (expectedSeq - 1 !== Number(head.seq) || previous !== head.hash)) {
      broken = { id: -1, chain: head.chain, seq: expectedSeq, reason: `chain head says ${head.seq} rows; the log ends at ${expectedSeq - 1}` };
    }
    if (broken !== null) {
      const current: Break | null = firstBroken;
      if (current === null || (broken.id !== -1 && (current.id === -1 || broken.id < current.id))) firstBroken = broken;
    }
  }
  return firstBroken ? { ok: false, rows, firstBroken } : { ok: true, rows, chains: heads.rows.length };
}
