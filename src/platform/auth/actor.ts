/** Who is making a request. Cardholders act for one customer; staff act by role. */
export const STAFF_ROLES = ['agent', 'supervisor', 'compliance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = 'cardholder' | StaffRole;

export type CardholderActor = {
  kind: 'cardholder';
  userId: string;
  role: 'cardholder';
  customerId: string;
  displayName: string;
  sessionId: string;
};

export type StaffActor = {
  kind: 'staff';
  userId: string;
  role: StaffRole;
  displayName: string;
  agentCode: string;
  sessionId: string;
};

export type Actor = CardholderActor | StaffActor;

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
