// Public door of the banking module (the CoreBanking port and its built-in ledger adapter).
// PLACEHOLDER until the ledger lands: see src/modules/banking/demo/generate.ts
export { seedBankingDemo } from './demo/generate.ts';
export { bankingRoutes } from './banking.routes.ts';
