import { Type } from 'typebox';
import { callUs, type NoticeTemplate } from '../notice-templates.ts';
import { longDate } from '../notice-text.ts';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const ComplaintResponseData = Type.Object(
  {
    complaintId: Type.String({ minLength: 1 }),
    receivedOn: IsoDate,
    topic: Type.String({ minLength: 1 }),
    response: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

/**
 * The written response a complaint needs before it can be closed (issue 4, item 2): the representative's
 * answer in their words, framed by what the cardholder can do if it does not satisfy them.
 */
export const complaintResponse: NoticeTemplate<typeof ComplaintResponseData> = {
  kind: 'complaint_response',
  version: 1,
  title: 'Our response to your complaint',
  fileName: 'complaint-response',
  schema: ComplaintResponseData,
  compose(ctx, d) {
    return {
      reference: [{ label: 'Complaint reference', value: d.complaintId }],
      blocks: [
        { type: 'paragraph', text: `We have looked into the complaint you made on ${longDate(d.receivedOn)} (${d.topic.toLowerCase()}). This is our response.` },
        { type: 'heading', text: 'Our response' },
        { type: 'quote', text: d.response },
        { type: 'heading', text: 'If you are not satisfied' },
        { type: 'paragraph', text: `Reply to this message in the Secure Message Center, or ${callUs(ctx.letterhead)} and mention case ${ctx.caseNumber}. You can ask for a supervisor to review your complaint at any time.` },
        { type: 'paragraph', text: `You also have the right to contact the ${ctx.regulator.name} (${ctx.regulator.shortName}) at ${ctx.regulator.complaintUrl}.` },
      ],
      message: `${d.response}\n\nThis response is also attached as a letter (PDF) for your records.`,
    };
  },
};
