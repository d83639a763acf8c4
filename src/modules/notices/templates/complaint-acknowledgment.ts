import { Type } from 'typebox';
import type { Fact } from '../notice-document.ts';
import { callUs, type NoticeTemplate } from '../notice-templates.ts';
import { longDate } from '../notice-text.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const ComplaintAcknowledgmentData = Type.Object(
  {
    complaintId: Type.String({ minLength: 1 }),
    receivedOn: IsoDate,
    topic: Type.String({ minLength: 1 }),
    desiredOutcome: Type.Union([Type.String(), Type.Null()]),
    responseDueOn: IsoDate,
    finalDueOn: IsoDate,
  },
  { additionalProperties: false },
);

/** Sent when a complaint is acknowledged (the acknowledgment clock): received, by when we answer, how to add to it. */
export const complaintAcknowledgment: NoticeTemplate<typeof ComplaintAcknowledgmentData> = {
  kind: 'complaint_acknowledgment',
  version: 1,
  title: 'We have received your complaint',
  fileName: 'complaint-acknowledgment',
  schema: ComplaintAcknowledgmentData,
  compose(ctx, d) {
    const facts: Fact[] = [
      { label: 'Complaint reference', value: d.complaintId },
      { label: 'Received', value: longDate(d.receivedOn) },
      { label: 'About', value: d.topic },
      ...(d.desiredOutcome ? [{ label: 'What you asked for', value: d.desiredOutcome }] : []),
      { label: 'Written response by', value: longDate(d.responseDueOn) },
      { label: 'Final answer by', value: longDate(d.finalDueOn) },
    ];
    return {
      reference: [{ label: 'Complaint reference', value: d.complaintId }],
      blocks: [
        { type: 'paragraph', text: `Thank you for telling us what went wrong. We recorded your complaint on ${longDate(d.receivedOn)}, and a member of our team is now looking into it.` },
        { type: 'facts', items: facts },
        { type: 'heading', text: 'What happens next' },
        { type: 'paragraph', text: `We will send you a written response by ${longDate(d.responseDueOn)}. If some of it takes longer to put right, we will explain why in that response, and you will have our final answer no later than ${longDate(d.finalDueOn)}.` },
        { type: 'paragraph', text: `You can add details or documents at any time by replying to this message in the Secure Message Center, or ${callUs(ctx.letterhead)} and mention case ${ctx.caseNumber}.` },
        { type: 'paragraph', text: `If you are unhappy with how we handle your complaint, you can also contact the ${ctx.regulator.name} (${ctx.regulator.shortName}) at ${ctx.regulator.complaintUrl}.` },
      ],
      message: `We have received your complaint (reference ${d.complaintId}, case ${ctx.caseNumber}). We will answer in writing by ${longDate(d.responseDueOn)}. Our acknowledgment letter is attached as a PDF for your records.`,
    };
  },
};
