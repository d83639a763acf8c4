import type { Executor } from '../../../platform/db.ts';
import type { IssuerProfile } from '../../directory/index.ts';

export type BankingDemoSummary = { customers: number; accounts: number; transactions: number; primaryCustomerId: string; secondaryCustomerId: string };

export async function seedBankingDemo(_tx: Executor, _options: { asOf: Date; seed: number; profile: IssuerProfile }): Promise<BankingDemoSummary> {
  throw new Error('not built yet');
}
