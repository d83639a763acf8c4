import { sql } from 'kysely';
import type { Executor } from '../../../platform/db.ts';
import type { AccountRow, CardRow, CustomerRow, ScenarioRow, StatementRow, TxnRow } from './rows.ts';
import '../banking.tables.ts';

// Bulk inserts for the demo ledger. Each batch of ~1,000 rows travels as one JSON parameter expanded by
// json_populate_recordset: one round trip and one bind parameter per batch (the rows are shaped like the
// tables). Foreign-key checks and index upkeep are what the seed's time goes on; mind that before adding volume.
const BATCH_ROWS = 1_000;

type Table = 'customers' | 'accounts' | 'cards' | 'statements' | 'transactions' | 'demo_scenarios';

async function insertJson(tx: Executor, table: Table, rows: readonly object[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  // The columns named by the rows themselves: a column added later keeps its default instead of a NULL.
  const columns = sql.join(Object.keys(first).map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    const batch = JSON.stringify(rows.slice(i, i + BATCH_ROWS));
    await sql`INSERT INTO ${sql.table(table)} (${columns})
              SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(table)}, ${batch}::json)`.execute(tx);
  }
}

export type DemoLedger = {
  customers: CustomerRow[];
  accounts: AccountRow[];
  cards: CardRow[];
  statements: StatementRow[];
  transactions: TxnRow[];
  scenarios: ScenarioRow[];
};

/** Inserts in dependency order; callers pass cards successors-first and transactions charges-before-refunds. */
export async function insertDemoLedger(tx: Executor, ledger: DemoLedger): Promise<void> {
  await insertJson(tx, 'customers', ledger.customers);
  await insertJson(tx, 'accounts', ledger.accounts);
  await insertJson(tx, 'cards', ledger.cards);
  await insertJson(tx, 'statements', ledger.statements);
  await insertJson(tx, 'transactions', ledger.transactions);
  await insertJson(tx, 'demo_scenarios', ledger.scenarios);
}
