import type { RewardRules } from './earn-rules.ts';

/**
 * When a posted transaction's points reach the ledger: the day it posts, or — for products whose points post
 * at statement close — the closing day of the statement that carries it. While that statement is still open
 * the points are not due yet, and the closing day is estimated from the billing-cycle day (closings fall on the
 * cycle day of each month; cycle days stop at 28, so every month has one).
 */
export type ClosedStatement = { periodStart: string; closingDate: string };
export type PostingDue = { isDue: boolean; on: string };

function nextClosing(day: string, cycleDay: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = d <= cycleDay ? new Date(Date.UTC(y, m - 1, cycleDay)) : new Date(Date.UTC(y, m, cycleDay));
  return date.toISOString().slice(0, 10);
}

export function pointsPostOn(rules: Pick<RewardRules, 'postsAt'>, postedOn: string, today: string, statements: readonly ClosedStatement[], billingCycleDay: number): PostingDue {
  if (rules.postsAt === 'posting') return { isDue: postedOn <= today, on: postedOn };
  const statement = statements.find((s) => s.periodStart <= postedOn && postedOn <= s.closingDate);
  if (statement) return { isDue: statement.closingDate <= today, on: statement.closingDate };
  const on = nextClosing(postedOn, Math.min(28, Math.max(1, billingCycleDay)));
  return { isDue: false, on };
}
