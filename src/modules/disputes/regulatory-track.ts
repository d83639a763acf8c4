/**
 * The regulatory track of one dispute: which regulation, whether the notice is in time, and the clocks, wired
 * from ledger facts into the pure library in ./regulation (CONVENTIONS habit 6: no clock reads here — the
 * notice day is passed in). The clocks are stored at filing; only `metOn` ever changes afterwards.
 */
import type { Account, Statement, Transaction } from '../banking/index.ts';
import { closingDateOnOrAfter, type Deadline, isForeignInitiated, isNewAccountTransfer, noticeWindow, type NoticeWindow, type Regulation, regEDeadlines, regulationFor, regZDeadlines } from './regulation/index.ts';
import { addCalendarDays, type HolidayCalendar, type IsoDate, localDate } from '../calendars/index.ts';

/** Days before a clock falls due that it starts warning (issuer policy, not regulation). */
export const DEADLINE_WARN_BEFORE_DAYS = 5;
/** Outside the regulations (courtesy, or a business account) we still promise an answer within this many days. */
export const COURTESY_RESOLVE_DAYS = 90;
export const COURTESY_CITATION = 'issuer policy (courtesy handling)';

export type TransferFacts = { isPointOfSale: boolean; isForeignInitiated: boolean; isNewAccount: boolean };

export type RegulatoryTrack = {
  regulation: Regulation;
  handling: 'regulatory' | 'courtesy';
  noticeReceivedOn: IsoDate;
  window: NoticeWindow | null;
  facts: TransferFacts;
  clocks: Deadline[];
};

export type RegulatoryInput = {
  account: Pick<Account, 'kind' | 'billingCycleDay' | 'openedOn'>;
  transaction: Pick<Transaction, 'postedAt' | 'cardPresent' | 'merchantCountry' | 'kind'>;
  /** The first statement showing the charge (statementFor), or null while it is in the open cycle. */
  statement: Pick<Statement, 'closingDate'> | null;
  noticeReceivedOn: IsoDate;
  calendar: HolidayCalendar;
};

/**
 * Reg E transfer facts from the ledger. Point of sale: a card-present purchase (a policy: REFERENCE.md leaves
 * card-not-present debit purchases to the issuer; we give them the shorter, cardholder-friendlier period).
 * LIMITATION: the ledger has no "first deposit" date, so the account's opening day stands in for it.
 */
export function transferFactsOf(input: RegulatoryInput, postedOn: IsoDate): TransferFacts {
  return {
    isPointOfSale: input.transaction.kind === 'purchase' && input.transaction.cardPresent === true,
    isForeignInitiated: isForeignInitiated(input.transaction.merchantCountry),
    isNewAccount: isNewAccountTransfer(input.account.openedOn, postedOn),
  };
}

export function regulatoryTrack(input: RegulatoryInput): RegulatoryTrack {
  const regulation = regulationFor(input.account.kind);
  const notice = input.noticeReceivedOn;
  const postedOn = localDate(input.transaction.postedAt ?? new Date(0), input.calendar.timeZone);
  const facts = transferFactsOf(input, postedOn);
  const schedule = { billingCycleDay: input.account.billingCycleDay };
  if (regulation === 'none') {
    const clocks: Deadline[] = [{ name: 'courtesy_resolve', dueOn: addCalendarDays(notice, COURTESY_RESOLVE_DAYS), citation: COURTESY_CITATION }];
    return { regulation, handling: 'courtesy', noticeReceivedOn: notice, window: null, facts, clocks };
  }
  const window = noticeWindow({
    noticeReceivedOn: notice,
    firstStatementShowingCharge: input.statement ? { closingDate: input.statement.closingDate } : null,
    openCycleClosesOn: closingDateOnOrAfter(schedule, postedOn),
    regulation,
  });
  // A courtesy dispute keeps the same dates as the issuer's targets, labelled as such: the cardholder and the
  // agent both see that the regulation's protections do not apply.
  const label = (d: Deadline): Deadline => (window.eligible ? d : { ...d, citation: `${COURTESY_CITATION}; modelled on ${d.citation}` });
  const clocks =
    regulation === 'reg_z'
      ? regZDeadlines({ noticeReceivedOn: notice, billingCycles: schedule }).clocks.map(label)
      : regEClocks(notice, facts, input.calendar).map(label);
  return { regulation, handling: window.handling, noticeReceivedOn: notice, window, facts, clocks: [...clocks] };
}

/**
 * Reg E keeps every clock from filing: decide-or-provisionally-credit (10/20 business days) and the 45/90-day
 * decision, which binds once provisional credit is posted in time. Both are stored so neither can be lost.
 */
export function regEClocks(notice: IsoDate, facts: TransferFacts, calendar: HolidayCalendar): Deadline[] {
  const d = regEDeadlines({ noticeReceivedOn: notice, ...facts }, calendar);
  const withCredit = regEDeadlines({ noticeReceivedOn: notice, ...facts, provisionalCreditPosted: true }, calendar);
  return [...d.clocks, ...withCredit.clocks.filter((c) => c.name === 'reg_e_decide')];
}

/** The three dates the API promises, from the stored clocks. */
/** Outside Regulation Z there is no acknowledgment clock; we acknowledge in writing on the day of filing anyway. */
export function headlineDeadlines(regulation: Regulation, noticeReceivedOn: IsoDate, clocks: readonly Deadline[], provisionalCreditPosted: boolean) {
  const due = (name: string) => clocks.find((c) => c.name === name)?.dueOn ?? null;
  if (regulation === 'reg_z') return { acknowledgeBy: due('reg_z_acknowledge'), resolveBy: due('reg_z_resolve') };
  if (regulation === 'reg_e') {
    const short = due('reg_e_decide_or_provisionally_credit');
    return { acknowledgeBy: noticeReceivedOn, resolveBy: provisionalCreditPosted ? due('reg_e_decide') : short, decideBy: due('reg_e_decide'), provisionalCreditBy: short };
  }
  return { acknowledgeBy: noticeReceivedOn, resolveBy: due('courtesy_resolve') };
}
