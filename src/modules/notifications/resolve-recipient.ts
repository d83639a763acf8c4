import type { Executor } from '../../platform/db.ts';
import type { CoreBanking, Customer } from '../banking/index.ts';
import { findUserById } from '../identity/index.ts';
import type { Channel, Recipient } from './notification.types.ts';

export type Resolved = { to: string } | { unreachable: string };

/**
 * The address to use now. Contact details belong to the core banking system (the customer's e-mail and
 * phone), so a cardholder is reached there even when addressed by user id; staff users by their sign-in
 * e-mail. Read at send time, so an address changed after the notification was queued is honoured.
 */
export async function resolveRecipient(
  deps: { db: Executor; banking: CoreBanking },
  recipient: Recipient,
  channel: Channel,
  /** Customers already read for a whole dispatch batch (one query instead of one per notification). */
  known?: ReadonlyMap<string, Customer>,
): Promise<Resolved> {
  const direct = channel === 'email' ? recipient.email : recipient.phone;
  if (direct) return { to: direct };
  let customerId = recipient.customerId;
  if (!customerId && recipient.userId) {
    const user = await findUserById(deps.db, recipient.userId);
    if (!user) return { unreachable: 'user not found' };
    if (user.customer_id) customerId = user.customer_id;
    else if (channel === 'email') return { to: user.email };
    else return { unreachable: 'staff users have no phone number on file' };
  }
  if (!customerId) return { unreachable: `no ${channel} address` };
  const customer = known?.get(customerId) ?? (await deps.banking.findCustomer(customerId));
  if (!customer) return { unreachable: 'customer not found' };
  const to = channel === 'email' ? customer.email : customer.phone;
  return to ? { to } : { unreachable: `customer has no ${channel} address on file` };
}
