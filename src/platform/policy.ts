import type { Actor, StaffRole } from './auth/actor.ts';

/**
 * The one policy layer: pure rules about who may see what. Repositories apply `customerScope` as a WHERE
 * clause, so a cardholder asking for someone else's record finds nothing (404, not 403).
 */
export const STAFF_READ_CUSTOMER_DATA: readonly StaffRole[] = ['agent', 'supervisor', 'compliance', 'admin'];

/** The customer whose records this actor is limited to, or null when staff may read every customer. */
export function customerScope(actor: Actor): string | null {
  return actor.kind === 'cardholder' ? actor.customerId : null;
}

export function canReadCustomer(actor: Actor, customerId: string): boolean {
  if (actor.kind === 'cardholder') return actor.customerId === customerId;
  return STAFF_READ_CUSTOMER_DATA.includes(actor.role);
}

export function canSearchCustomers(actor: Actor): boolean {
  return actor.kind === 'staff' && STAFF_READ_CUSTOMER_DATA.includes(actor.role);
}

/** Staff reads of cardholder data are audited (PCI DSS 10.2.1); a cardholder reading their own is not. */
export function isAuditedRead(actor: Actor): boolean {
  return actor.kind === 'staff';
}

/**
 * Who may write help-center articles (issue 7): admins. LIMITATION: a `content_editor` staff role is not added yet:
 * the users.role CHECK constraint and STAFF_ROLES would need it, and every `requireStaff(request)` without a role
 * list would first need one, so that an editor could not read queues and customer data. Adding it is then a change
 * to this list only.
 */
export const HELP_EDITOR_ROLES: readonly StaffRole[] = ['admin'];

export function canEditHelpArticles(actor: Actor | null | undefined): boolean {
  return actor?.kind === 'staff' && HELP_EDITOR_ROLES.includes(actor.role);
}
