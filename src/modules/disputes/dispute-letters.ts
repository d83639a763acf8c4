/**
 * The dispute's written notices as letters (issue 5, item 5): provisional credit, its reversal and the
 * resolution, each rendered by the notices module to HTML and PDF, sent as a Secure Message Center message
 * signed by the agent who acted, with the PDF attached, and listed with the case's notices. The words are the
 * ones the money steps compute (dates, amounts, the rule that applies); the letter frames them.
 */
import { Type } from 'typebox';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { CaseDeps, RequestMeta } from './case-engine.ts';
import { callUs, issueNotice, type NoticeTemplate, registerNoticeTemplate } from '../notices/index.ts';

const LetterData = Type.Object(
  {
    disputeId: Type.String({ minLength: 1 }),
    amount: Type.String({ minLength: 1 }),
    /** The notice in plain words, one paragraph per line. */
    text: Type.String({ minLength: 1, maxLength: 8000 }),
  },
  { additionalProperties: false },
);

export type DisputeLetterKind = 'dispute_provisional_credit' | 'dispute_credit_reversal' | 'dispute_resolution';

const TITLES: Record<DisputeLetterKind, { title: string; fileName: string }> = {
  dispute_provisional_credit: { title: 'Temporary credit for your dispute', fileName: 'dispute-provisional-credit' },
  dispute_credit_reversal: { title: 'We reversed the temporary credit', fileName: 'dispute-credit-reversal' },
  dispute_resolution: { title: 'The result of your dispute', fileName: 'dispute-resolution' },
};

function template(kind: DisputeLetterKind): NoticeTemplate<typeof LetterData> {
  return {
    kind,
    version: 1,
    ...TITLES[kind],
    schema: LetterData,
    compose(ctx, d) {
      return {
        reference: [
          { label: 'Dispute reference', value: d.disputeId },
          { label: 'Amount', value: d.amount },
        ],
        blocks: [
          ...d.text
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((text) => ({ type: 'paragraph' as const, text })),
          { type: 'heading', text: 'Questions' },
          { type: 'paragraph', text: `Reply to this message in the Secure Message Center, or ${callUs(ctx.letterhead)} and mention case ${ctx.caseNumber}.` },
        ],
        message: `${d.text}\n\nThis notice is also attached as a letter (PDF) for your records.`,
      };
    },
  };
}

for (const kind of Object.keys(TITLES) as DisputeLetterKind[]) registerNoticeTemplate(template(kind));

/** Issues the letter in the caller's unit of work; returns the id of the message it went out with. */
export async function issueDisputeLetter(
  deps: CaseDeps,
  unit: Unit,
  input: { actor: StaffActor; caseId: string; disputeId: string; kind: DisputeLetterKind; amount: string; text: string; meta: RequestMeta },
): Promise<string> {
  const notice = await issueNotice(deps, unit, {
    caseId: input.caseId,
    kind: input.kind,
    data: { disputeId: input.disputeId, amount: input.amount, text: input.text },
    actor: input.actor,
    subject: { type: 'dispute', id: input.disputeId },
    meta: input.meta,
  });
  return notice.messageId;
}
