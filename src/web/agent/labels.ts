import type { Role } from '../api-types.ts';

export function roleLabel(role: Role): string {
  const labels: Record<Role, string> = { cardholder: 'Cardholder', agent: 'Agent', supervisor: 'Supervisor', compliance: 'Compliance officer', admin: 'Administrator' };
  return labels[role];
}

export function accountCountText(n: number): string {
  return n === 1 ? '1 account' : `${n} accounts`;
}
