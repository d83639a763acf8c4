import { aadFor } from '../../platform/crypto/index.ts';
import type { Tx } from '../../platform/db.ts';
import { CASE_STATES } from './case.machine.ts';
import type { CaseDeps } from './case-deps.ts';
import { findCase } from './cases.repo.ts';
import { messageView } from './cases.view.ts';
import { listAttachments } from './messages.repo.ts';

/** The answer to a posted message: the case's headline and the message as stored (redacted). */
export async function postedView(c: CaseDeps, tx: Tx, caseId: string, messageId: string, notice: string | null) {
  const row = await findCase(tx, caseId, null);
  const message = await tx.selectFrom('messages').selectAll().where('id', '=', messageId).executeTakeFirst();
  if (!row || !message) throw new Error('posted message vanished');
  const body = await c.cipher.openText(tx, message.body, aadFor('messages', message.id, 'body'));
  const attachments = (await listAttachments(tx, caseId)).filter((a) => a.message_id === messageId);
  const headline = { id: row.id, number: row.number, priority: row.priority, queue: row.queue, status: row.status, statusLabel: CASE_STATES[row.status].cardholderLabel };
  return { case: headline, id: row.id, number: row.number, priority: row.priority, queue: row.queue, status: row.status, message: { ...messageView(message, body, attachments, true), internal: message.internal }, notice };
}
