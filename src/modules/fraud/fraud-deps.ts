import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../app-deps.ts';
import { type CoreBanking, createLedgerBanking } from '../banking/index.ts';
import { type HolidayCalendar, US_FEDERAL_RESERVE } from '../calendars/index.ts';
import { type CaseDeps, caseDepsFrom } from '../cases/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { type CompiledRules, compileRules, loadFraudRules } from './fraud-rules.ts';

export type FraudDeps = {
  db: Db;
  clock: Clock;
  banking: CoreBanking;
  rules: CompiledRules;
  cases: CaseDeps;
  calendar: HolidayCalendar;
  /** Told each new one-time link token after commit (tests, a demo console); the notifier is the real way out. */
  onLinkIssued?: ((alertId: string, token: string) => void) | undefined;
};
export type RequestMeta = { requestId: string; ip: string | null };

export function fraudDepsFrom(deps: AppDeps & { onFraudLinkIssued?: FraudDeps['onLinkIssued'] }, rules: CompiledRules = compileRules(loadFraudRules())): FraudDeps {
  return { onLinkIssued: deps.onFraudLinkIssued, db: deps.db, clock: deps.clock, banking: deps.banking ?? createLedgerBanking(deps.db), rules, cases: caseDepsFrom(deps), calendar: US_FEDERAL_RESERVE }; // business days for Reg E liability (12 CFR 1005.6(b)(1))
}

// LIMITATION: `fal` is not in platform/ids.ts IdPrefix (not this module's file); the id has the same shape.
export const newAlertId = (): string => `fal_${newId('evt').slice(4)}`;
export const ALERT_ID_PATTERN = '^fal_[0-9a-z]{16}$';

/** The one-time link token: 256 random bits for the cardholder, only its SHA-256 stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Same merchant = same MCC and the same name, ignoring case and spacing. */
export const merchantKey = (merchantName: string | null, mcc: string | null): string => `${mcc ?? '----'}:${(merchantName ?? '').toLowerCase().replace(/\s+/g, ' ').trim()}`;
