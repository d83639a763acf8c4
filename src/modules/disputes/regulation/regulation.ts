/**
 * Which consumer-protection regulation governs a dispute, and the shape every regulatory clock shares.
 * The regulation follows the product, not the card network or the reason for the dispute:
 * - Regulation Z (Truth in Lending, 12 CFR 1026.13) covers credit card accounts, charge cards included
 *   (12 CFR 1026.2(a)(15): a charge card is a credit card on an account with no finance charge).
 * - Regulation E (Electronic Fund Transfer Act, 12 CFR 1005.11) covers consumer asset accounts: debit cards
 *   on deposit accounts, prepaid accounts (12 CFR 1005.2(b)(3)) and the deposit accounts themselves.
 * - A merchant (acquiring) account is a business account: neither regulation protects it.
 */
import type { AccountKind } from '../../banking/index.ts';
import type { IsoDate } from '../../calendars/index.ts';

export type Regulation = 'reg_z' | 'reg_e' | 'none';

export function regulationFor(kind: AccountKind): Regulation {
  switch (kind) {
    case 'credit':
    case 'charge':
      return 'reg_z';
    case 'debit':
    case 'prepaid':
    case 'deposit':
      return 'reg_e';
    case 'merchant':
      return 'none';
  }
}

export type DeadlineName =
  | 'reg_z_acknowledge'
  | 'reg_z_resolve'
  | 'reg_e_decide_or_provisionally_credit'
  | 'reg_e_tell_provisional_credit'
  | 'reg_e_decide';

/**
 * One regulatory clock: what must be done, by the end of which calendar day (in the holiday calendar's time
 * zone), under which rule. `metOn` is the day it was met; a met clock raises no warning. There is deliberately
 * no "paused" flag: these clocks are set by regulation, and nobody can switch them off.
 */
export type Deadline = {
  readonly name: DeadlineName | (string & {});
  readonly dueOn: IsoDate;
  readonly citation: string;
  readonly metOn?: IsoDate | null | undefined;
  /** The warning stages already raised on the case for this clock (sweep-deadlines.ts), each once. */
  readonly warned?: readonly ('due_soon' | 'due_today' | 'overdue')[] | undefined;
};
