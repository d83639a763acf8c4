import { CASE_STATES, type CaseState } from './case.machine.ts';
import type { Author, PreparedMessage } from './compose-message.ts';

export type PostedCase = { id: string; number: string; priority: 'low' | 'normal' | 'high' | 'urgent'; queue: string; status: CaseState };

/**
 * The answer to a posted message, built from what was just written (no read-back): the case's headline and
 * the message as stored — redacted, with its attachments' safe names.
 */
export function postedView(c: PostedCase, message: PreparedMessage, author: Author, internal: boolean, at: Date) {
  const headline = { ...c, statusLabel: CASE_STATES[c.status].cardholderLabel };
  return {
    case: headline,
    id: c.id,
    number: c.number,
    priority: c.priority,
    queue: c.queue,
    status: c.status,
    message: {
      id: message.id,
      body: message.body,
      author: { role: author.role, displayName: author.name, ...(author.agentCode ? { agentCode: author.agentCode } : {}) },
      createdAt: at.toISOString(),
      readAt: null,
      attachments: message.files.map((f) => ({ id: f.id, fileName: f.meta.safeFileName, mime: f.meta.mime, sizeBytes: f.meta.size, url: `/api/v1/attachments/${f.id}` })),
      redactions: message.findings.map((f) => ({ kind: f.kind, count: f.count })),
      internal,
    },
    notice: message.notice,
  };
}
