/**
 * Every number the regulatory clocks use, each with the rule it comes from (CONVENTIONS habit 13).
 * Amounts are integer cents. "Days" are calendar days; "business days" are counted on the institution's
 * holiday calendar (12 CFR 1005.2(d); US Federal Reserve by default, see modules/calendars).
 */

// ── Regulation Z, 12 CFR 1026.13: billing errors on credit and charge card accounts ──────────────────────
/** The notice must reach the creditor no later than 60 days after the first statement showing the error was sent. */
export const REG_Z_NOTICE_WINDOW_DAYS = 60; // 12 CFR 1026.13(b)(1)
/** Written acknowledgment within 30 days of receiving the notice (unless resolved within that time). */
export const REG_Z_ACKNOWLEDGE_DAYS = 30; // 12 CFR 1026.13(c)(1)
/** Resolve within two complete billing cycles after receiving the notice … */
export const REG_Z_RESOLVE_COMPLETE_CYCLES = 2; // 12 CFR 1026.13(c)(2)
/** … and in no event later than 90 days after receiving it. */
export const REG_Z_RESOLVE_MAX_DAYS = 90; // 12 CFR 1026.13(c)(2)
/** Autopay may not deduct the disputed amount if the notice came up to 3 business days before the payment date. */
export const REG_Z_AUTOPAY_CUTOFF_BUSINESS_DAYS = 3; // 12 CFR 1026.13(d)(1)
/** Cardholder liability for unauthorized use: the lesser of $50 or the amount obtained before notice. */
export const REG_Z_LIABILITY_CAP_CENTS = 5_000; // 12 CFR 1026.12(b)(1)(ii)

// ── Regulation E, 12 CFR 1005.11: errors on debit, prepaid and deposit accounts ──────────────────────────
/** Notice within 60 days after the institution sent the statement first showing the error. */
export const REG_E_NOTICE_WINDOW_DAYS = 60; // 12 CFR 1005.11(b)(1)(i)
/** The institution may ask for written confirmation of an oral notice within 10 business days. */
export const REG_E_WRITTEN_CONFIRMATION_BUSINESS_DAYS = 10; // 12 CFR 1005.11(b)(2)
/** Decide within 10 business days — or provisionally credit within 10 business days and take longer. */
export const REG_E_DECIDE_BUSINESS_DAYS = 10; // 12 CFR 1005.11(c)(1), (c)(2)(i)
/** 20 business days instead of 10 for a transfer within 30 days after the account's first deposit. */
export const REG_E_NEW_ACCOUNT_DECIDE_BUSINESS_DAYS = 20; // 12 CFR 1005.11(c)(3)(i)
/** A transfer is a new-account transfer when it occurred within 30 days after the first deposit. */
export const REG_E_NEW_ACCOUNT_DAYS = 30; // 12 CFR 1005.11(c)(3)(i), (c)(3)(ii)(C)
/** Tell the consumer the amount and date of a provisional credit within 2 business days after posting it. */
export const REG_E_TELL_PROVISIONAL_CREDIT_BUSINESS_DAYS = 2; // 12 CFR 1005.11(c)(2)(ii)
/** With provisional credit, up to 45 days from the notice to decide. */
export const REG_E_EXTENDED_INVESTIGATION_DAYS = 45; // 12 CFR 1005.11(c)(2)
/** 90 days instead of 45 for point-of-sale, foreign-initiated and new-account transfers. */
export const REG_E_LONG_INVESTIGATION_DAYS = 90; // 12 CFR 1005.11(c)(3)(ii)
/** Report the results within 3 business days after completing the investigation. */
export const REG_E_REPORT_RESULTS_BUSINESS_DAYS = 3; // 12 CFR 1005.11(c)(1), (c)(2)(iv), (d)(1)
/** Correct an error within 1 business day after determining that it occurred. */
export const REG_E_CORRECT_BUSINESS_DAYS = 1; // 12 CFR 1005.11(c)(1), (c)(2)(iii)
/** After notice of debiting a provisional credit: honor overdrafts and preauthorized debits for 5 business days. */
export const REG_E_REVERSAL_HONOR_BUSINESS_DAYS = 5; // 12 CFR 1005.11(d)(2)(ii)

// ── Regulation E, 12 CFR 1005.6: consumer liability for unauthorized transfers ───────────────────────────
/** Loss or theft of the access device reported within 2 business days after learning of it … */
export const REG_E_TIMELY_LOSS_REPORT_BUSINESS_DAYS = 2; // 12 CFR 1005.6(b)(1)
/** … caps liability at the lesser of $50 or the transfers before notice. */
export const REG_E_TIMELY_LIABILITY_CAP_CENTS = 5_000; // 12 CFR 1005.6(b)(1)
/** Reported later: at most $500. */
export const REG_E_LATE_LIABILITY_CAP_CENTS = 50_000; // 12 CFR 1005.6(b)(2)
/** Transfers shown on a statement must be reported within 60 days of its transmittal; later ones are uncapped. */
export const REG_E_STATEMENT_REPORT_DAYS = 60; // 12 CFR 1005.6(b)(3)
