import type { IssuerProfile } from '../directory/index.ts';
import { type AuditAction, recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db.ts';
import { isAuditedRead } from '../../platform/policy.ts';
import type { CoreBanking } from './core-banking.port.ts';

/** Who is reading, from where, and with what: every read use case takes one. */
export type ReadContext = {
  db: Db;
  banking: CoreBanking;
  profile: IssuerProfile;
  actor: Actor;
  requestId: string;
  ip: string | null;
  now: Date;
};

export type AuditNote<T> = {
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  detail?: (result: T) => Record<string, unknown>;
};

/**
 * Runs a read; a staff read of cardholder data also writes its audit row in the same database transaction
 * (PCI DSS 10.2.1), so no answer leaves without its trace. A read that fails (404) records nothing.
 */
export async function auditedRead<T>(ctx: ReadContext, note: AuditNote<T>, read: (banking: CoreBanking) => Promise<T>): Promise<T> {
  if (!isAuditedRead(ctx.actor)) return read(ctx.banking);
  return ctx.db.transaction().execute(async (tx) => {
    const result = await read(ctx.banking.withTransaction(tx));
    await recordAudit(tx, {
      action: note.action,
      actorId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      targetType: note.targetType,
      targetId: note.targetId,
      requestId: ctx.requestId,
      ip: ctx.ip,
      at: ctx.now,
      detail: note.detail?.(result) ?? {},
    });
    return result;
  });
}
