/**
 * The cardholder's liability for unauthorized use, as data the fraud flow and the UI show.
 *
 * Regulation Z 12 CFR 1026.12(b)(1)(ii): at most the lesser of $50 or what was obtained before notice.
 * Regulation E 12 CFR 1005.6(b):
 * - (b)(1) loss or theft of the card reported within 2 business days after learning of it: the lesser of $50 or
 *   the transfers before notice;
 * - (b)(2) reported later: at most $500;
 * - (b)(3) transfers shown on a statement and not reported within 60 days of its transmittal: transfers after
 *   those 60 days (and before notice) are not capped. With no card lost or stolen (e.g. card details used
 *   online), only (b)(3) applies: nothing for transfers reported in time.
 * The issuer's own promise (typically $0) applies wherever it is better for the cardholder.
 * LIMITATION: (b)(2) is really "the lesser of $500 or ($50 or the first two business days' transfers) plus the
 * later transfers that timely notice would have prevented"; that needs the transfer timeline, so only the cap is
 * given. Business-purpose cards with 10+ cards (1026.12(b)(5)) and extenuating-circumstance extensions
 * (1005.6(b)(4)) are not modelled.
 */
import { addBusinessDays, addCalendarDays, type HolidayCalendar, isIsoDate, type IsoDate } from '../../calendars/index.ts';
import type { Regulation } from './regulation.ts';
import {
  REG_E_LATE_LIABILITY_CAP_CENTS,
  REG_E_STATEMENT_REPORT_DAYS,
  REG_E_TIMELY_LIABILITY_CAP_CENTS,
  REG_E_TIMELY_LOSS_REPORT_BUSINESS_DAYS,
  REG_Z_LIABILITY_CAP_CENTS,
} from './regulatory-constants.ts';

export type LiabilityInput = {
  readonly regulation: Regulation;
  /** The day the cardholder told us. */
  readonly reportedOn: IsoDate;
  /** Regulation E: the day the cardholder learned the card was lost or stolen; omit when nothing was lost. */
  readonly learnedOfLossOn?: IsoDate | null | undefined;
  /** Regulation E: the day the first statement showing an unauthorized transfer was sent. */
  readonly firstStatementSentOn?: IsoDate | null | undefined;
  /** Unauthorized use in question, when known, to compute the amount owed rather than only the cap. */
  readonly unauthorizedAmountCents?: number | undefined;
  /** The issuer's promise (0 for "$0 liability"); null or omitted when there is none. */
  readonly issuerPromiseCents?: number | null | undefined;
};

export type LiabilityTier =
  | 'reg_z'
  | 'reg_e_timely_loss_report'
  | 'reg_e_late_loss_report'
  | 'reg_e_no_device_loss'
  | 'not_covered';

export type Liability = {
  readonly regulation: Regulation;
  readonly tier: LiabilityTier;
  /** The regulation's cap in cents; null when the regulation sets none (a merchant account). */
  readonly regulatoryCapCents: number | null;
  /** Regulation E (b)(3): transfers after the statement's 60 days are uncapped by regulation. */
  readonly laterTransfersUncapped: boolean;
  /** Last day of the (b)(3) window, when a statement was given. */
  readonly statementWindowEndsOn: IsoDate | null;
  readonly issuerPromiseCents: number | null;
  /** True when the promise is better for the cardholder than the regulation. */
  readonly promiseApplies: boolean;
  /** What the cardholder can be asked to pay at most (null: no cap). */
  readonly capCents: number | null;
  /** min(unauthorizedAmountCents, capCents) when the amount was given (the whole amount when uncapped). */
  readonly liabilityCents: number | null;
  readonly citation: string;
  readonly explanation: string;
};

const dollars = (cents: number): string => `$${(cents / 100).toFixed(cents % 100 === 0 ? 0 : 2)}`;

function assertCents(value: number | null | undefined, what: string): void {
  if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0)) {
    throw new RangeError(`${what} must be a non-negative integer number of cents, got ${value}`);
  }
}

type RegulatoryPart = Pick<Liability, 'tier' | 'regulatoryCapCents' | 'laterTransfersUncapped' | 'statementWindowEndsOn' | 'citation'>;

function regulatoryPart(input: LiabilityInput, calendar: HolidayCalendar): RegulatoryPart {
  if (input.regulation === 'reg_z') {
    return { tier: 'reg_z', regulatoryCapCents: REG_Z_LIABILITY_CAP_CENTS, laterTransfersUncapped: false, statementWindowEndsOn: null, citation: '12 CFR 1026.12(b)(1)(ii)' };
  }
  if (input.regulation === 'none') {
    return { tier: 'not_covered', regulatoryCapCents: null, laterTransfersUncapped: false, statementWindowEndsOn: null, citation: '' };
  }
  const sent = input.firstStatementSentOn ?? null;
  if (sent !== null && !isIsoDate(sent)) throw new RangeError(`firstStatementSentOn is not a calendar date: ${JSON.stringify(sent)}`);
  const statementWindowEndsOn = sent === null ? null : addCalendarDays(sent, REG_E_STATEMENT_REPORT_DAYS);
  const laterTransfersUncapped = statementWindowEndsOn !== null && input.reportedOn > statementWindowEndsOn;
  const learned = input.learnedOfLossOn ?? null;
  if (learned === null) {
    return { tier: 'reg_e_no_device_loss', regulatoryCapCents: 0, laterTransfersUncapped, statementWindowEndsOn, citation: '12 CFR 1005.6(b)(3)' };
  }
  if (!isIsoDate(learned)) throw new RangeError(`learnedOfLossOn is not a calendar date: ${JSON.stringify(learned)}`);
  const timely = input.reportedOn <= addBusinessDays(learned, REG_E_TIMELY_LOSS_REPORT_BUSINESS_DAYS, calendar);
  return timely
    ? { tier: 'reg_e_timely_loss_report', regulatoryCapCents: REG_E_TIMELY_LIABILITY_CAP_CENTS, laterTransfersUncapped, statementWindowEndsOn, citation: '12 CFR 1005.6(b)(1)' }
    : { tier: 'reg_e_late_loss_report', regulatoryCapCents: REG_E_LATE_LIABILITY_CAP_CENTS, laterTransfersUncapped, statementWindowEndsOn, citation: '12 CFR 1005.6(b)(2)' };
}

function explain(part: RegulatoryPart, capCents: number | null, promiseApplies: boolean): string {
  if (promiseApplies) return `Under our ${dollars(capCents ?? 0)} liability promise you pay at most ${dollars(capCents ?? 0)} for charges you did not make.`;
  if (part.regulatoryCapCents === null) return 'This account is not covered by consumer liability limits.';
  const base = `By law you pay at most ${dollars(part.regulatoryCapCents)} for charges you did not make`;
  return part.laterTransfersUncapped
    ? `${base} up to ${part.statementWindowEndsOn}; charges after that day, more than 60 days after the statement that first showed unauthorized charges, may not be covered.`
    : `${base}.`;
}

export function liabilityFor(input: LiabilityInput, calendar: HolidayCalendar): Liability {
  if (!isIsoDate(input.reportedOn)) throw new RangeError(`reportedOn is not a calendar date: ${JSON.stringify(input.reportedOn)}`);
  assertCents(input.unauthorizedAmountCents, 'unauthorizedAmountCents');
  assertCents(input.issuerPromiseCents, 'issuerPromiseCents');
  const part = regulatoryPart(input, calendar);
  const promise = input.issuerPromiseCents ?? null;
  // Better for the cardholder: a promise below the regulatory cap, any promise where the regulation sets no cap,
  // or a promise no higher than the cap where the regulation leaves later transfers uncapped.
  const cap = part.regulatoryCapCents;
  const promiseApplies = promise !== null && (cap === null || promise < cap || (part.laterTransfersUncapped && promise <= cap));
  const capCents = promiseApplies ? promise : part.laterTransfersUncapped ? null : part.regulatoryCapCents;
  const amount = input.unauthorizedAmountCents;
  const liabilityCents = amount === undefined ? null : capCents === null ? amount : Math.min(amount, capCents);
  return {
    regulation: input.regulation,
    ...part,
    issuerPromiseCents: promise,
    promiseApplies,
    capCents,
    liabilityCents,
    explanation: explain(part, capCents, promiseApplies),
  };
}
