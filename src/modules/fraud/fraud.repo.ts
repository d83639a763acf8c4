import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import './fraud.tables.ts';
import type { FraudAlertsTable } from './fraud.tables.ts';

export type FraudAlertRow = Selectable<FraudAlertsTable>;

export type NewFraudAlert = Omit<FraudAlertRow, 'token_used_at' | 'decided_via' | 'outcome' | 'decided_at'>;

export async function insertAlert(db: Executor, a: NewFraudAlert): Promise<void> {
  await db
    .insertInto('fraud_alerts')
    .values({ ...a, reasons: JSON.stringify(a.reasons) })
    .execute();
}

/** Scoped by customer in SQL: another customer's alert is simply not found. */
export async function findAlert(db: Executor, id: string, customerId: string | null, forUpdate = false): Promise<FraudAlertRow | undefined> {
  let q = db.selectFrom('fraud_alerts').selectAll().where('id', '=', id);
  if (customerId !== null) q = q.where('customer_id', '=', customerId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listAlertsOf(db: Executor, customerId: string, limit: number): Promise<FraudAlertRow[]> {
  return db.selectFrom('fraud_alerts').selectAll().where('customer_id', '=', customerId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function pendingAlertsOnCard(db: Executor, cardId: string): Promise<FraudAlertRow[]> {
  return db.selectFrom('fraud_alerts').selectAll().where('card_id', '=', cardId).where('status', '=', 'pending').orderBy('created_at').execute();
}

export async function findAlertForTransaction(db: Executor, transactionId: string): Promise<FraudAlertRow | undefined> {
  return db.selectFrom('fraud_alerts').selectAll().where('transaction_id', '=', transactionId).executeTakeFirst();
}

export async function recordDecision(
  db: Executor,
  id: string,
  d: { status: 'confirmed' | 'denied'; via: 'portal' | 'link'; outcome: Record<string, unknown>; at: Date },
): Promise<void> {
  await db
    .updateTable('fraud_alerts')
    .set({ status: d.status, decided_via: d.via, outcome: JSON.stringify(d.outcome), decided_at: d.at, ...(d.via === 'link' ? { token_used_at: d.at } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function isSuppressed(db: Executor, accountId: string, merchantKey: string, at: Date): Promise<boolean> {
  const row = await db
    .selectFrom('fraud_merchant_suppressions')
    .select('until')
    .where('account_id', '=', accountId)
    .where('merchant_key', '=', merchantKey)
    .where('until', '>', at)
    .executeTakeFirst();
  return row !== undefined;
}

export async function suppressMerchant(db: Executor, s: { accountId: string; merchantKey: string; until: Date; alertId: string; at: Date }): Promise<void> {
  await db
    .insertInto('fraud_merchant_suppressions')
    .values({ account_id: s.accountId, merchant_key: s.merchantKey, until: s.until, alert_id: s.alertId, created_at: s.at })
    .onConflict((oc) => oc.columns(['account_id', 'merchant_key']).doUpdateSet({ until: s.until, alert_id: s.alertId, created_at: s.at }))
    .execute();
}

/** Transactions on an account that a fraud alert is still open on or that the cardholder denied. */
export async function listAlertTransactionIds(db: Executor, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('fraud_alerts').select('transaction_id').where('account_id', '=', accountId).where('status', 'in', ['pending', 'denied']).execute();
  return rows.map((r) => r.transaction_id);
}
