import type { Executor } from '../../platform/db.ts';
import { type CaseEventInput, insertEvents, listEvents } from './cases.repo.ts';
import { timelineView } from './cases.view.ts';
import { CASE_STATES } from './case.machine.ts';

/**
 * What other modules (complaints) may do with a case's timeline without reading the cases tables: add entries
 * that do not move the case or its SLA (complaint filed, acknowledged, responded, closed …) and read it back.
 */
export type CaseNote = Omit<CaseEventInput, 'message_id'>;

export async function appendCaseEvents(db: Executor, events: CaseNote[]): Promise<void> {
  await insertEvents(db, events);
}

export async function caseTimeline(db: Executor, caseId: string, cardholderView: boolean) {
  const row = await db.selectFrom('cases').select(['id', 'number', 'status', 'escalation', 'queue', 'subject']).where('id', '=', caseId).executeTakeFirst();
  if (!row) return null;
  const events = await listEvents(db, caseId, cardholderView);
  return {
    caseId: row.id,
    number: row.number,
    subject: row.subject,
    status: row.status,
    statusLabel: row.escalation === 'supervisor' && CASE_STATES[row.status].open ? 'With a supervisor' : CASE_STATES[row.status].cardholderLabel,
    queue: row.queue,
    escalation: row.escalation,
    timeline: events.map(timelineView),
  };
}
