/**
 * Facts about a transfer that lengthen the Regulation E periods (12 CFR 1005.11(c)(3)), derived from ledger
 * data. Point-of-sale is left to the caller: whether a card-not-present debit card purchase counts is a policy
 * the issuer sets (the ledger's `cardPresent` is a hint, not the answer).
 */
import { calendarDaysBetween, isIsoDate, type IsoDate } from '../../calendars/index.ts';
import { REG_E_NEW_ACCOUNT_DAYS } from './regulatory-constants.ts';

/**
 * 12 CFR 1005.11(c)(3)(i), (c)(3)(ii)(C): the transfer occurred within 30 days after the first deposit to the
 * account. Day 0 is the first deposit; day 30 is still within (first deposit 2026-01-10 → through 2026-02-09).
 * A transfer before the first deposit (e.g. a prepaid load counted later) is treated as new-account too.
 * No first deposit yet (null) means every transfer is a new-account transfer.
 */
export function isNewAccountTransfer(firstDepositOn: IsoDate | null, transferOn: IsoDate): boolean {
  if (!isIsoDate(transferOn)) throw new RangeError(`transferOn is not a calendar date: ${JSON.stringify(transferOn)}`);
  if (firstDepositOn === null) return true;
  if (!isIsoDate(firstDepositOn)) throw new RangeError(`firstDepositOn is not a calendar date: ${JSON.stringify(firstDepositOn)}`);
  return calendarDaysBetween(firstDepositOn, transferOn) <= REG_E_NEW_ACCOUNT_DAYS;
}

/**
 * "State" in 12 CFR 1005.2(l): any State, territory or possession of the United States, the District of
 * Columbia, Puerto Rico, or a political subdivision. ISO 3166-1 codes of the places it covers.
 */
const STATES_FOR_REG_E: ReadonlySet<string> = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM']);

/**
 * 12 CFR 1005.11(c)(3)(ii)(A): a transfer "not initiated within a State". `merchantCountry` is the ledger's ISO
 * 3166-1 alpha-2 code. Unknown (null or empty) is treated as domestic: the shorter 45-day period is the safe
 * reading when the data cannot prove otherwise.
 */
export function isForeignInitiated(merchantCountry: string | null | undefined): boolean {
  const code = (merchantCountry ?? '').trim().toUpperCase();
  if (code === '') return false;
  return !STATES_FOR_REG_E.has(code);
}
