// Public door of the banking module: the CoreBanking port, its built-in ledger adapter, read helpers and the
// demo generator. Other modules use only what is exported here and never read the banking tables.
export { bankingRoutes } from './banking.routes.ts';
export {
  type Account,
  type AccountBalance,
  type AccountKind,
  type AccountStatus,
  type AdjustmentInput,
  balanceEffect,
  balanceSense,
  type Card,
  type CardStatus,
  type CoreBanking,
  type Customer,
  type CustomerMatch,
  type CustomerScope,
  type Direction,
  type PostalAddress,
  type PostingInput,
  type PostingResult,
  type Statement,
  type Transaction,
  type TransactionCursor,
  type TransactionKind,
  type TransactionPage,
  type TransactionQuery,
  type TransactionStatus,
} from './core-banking.port.ts';
export { createLedgerBanking } from './ledger.adapter.ts';
export { creditStep, debitStep, type MoneyStep, runMoneySteps } from './money-steps.ts';
export { findDemoScenario, listDemoScenarios, type DemoScenario } from './demo-scenarios.repo.ts';
export { BONUS_CAP_CENTS, BONUS_MCC } from './demo/scenarios.ts';
export { type BankingDemoSummary, buildBankingDemo, seedBankingDemo } from './demo/generate.ts';
