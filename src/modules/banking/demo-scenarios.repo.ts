import type { Executor } from '../../platform/db.ts';
import './banking.tables.ts';

/** A situation the demo generator planted (see demo/scenarios.ts); `detail` holds the numbers a workflow needs. */
export type DemoScenario = {
  key: string;
  customerId: string;
  accountId: string | null;
  transactionId: string | null;
  description: string;
  detail: Record<string, unknown>;
};

type Row = { key: string; customer_id: string; account_id: string | null; transaction_id: string | null; description: string; detail: Record<string, unknown> };

const toScenario = (r: Row): DemoScenario => ({
  key: r.key,
  customerId: r.customer_id,
  accountId: r.account_id,
  transactionId: r.transaction_id,
  description: r.description,
  detail: r.detail,
});

export async function findDemoScenario(db: Executor, key: string): Promise<DemoScenario | null> {
  const row = await db.selectFrom('demo_scenarios').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? toScenario(row) : null;
}

export async function listDemoScenarios(db: Executor): Promise<DemoScenario[]> {
  const rows = await db.selectFrom('demo_scenarios').selectAll().orderBy('key').execute();
  return rows.map(toScenario);
}
