import { Type } from 'typebox';

export const NoticeView = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    kind: Type.String(),
    templateVersion: Type.Integer(),
    title: Type.String(),
    subject: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }, { additionalProperties: false }), Type.Null()]),
    messageId: Type.String(),
    issuedBy: Type.String(),
    issuedOn: Type.String({ format: 'date' }),
    issuedAt: Type.String({ format: 'date-time' }),
    htmlUrl: Type.String({ description: 'the letter as HTML (opens in the browser)' }),
    pdfUrl: Type.String({ description: 'the PDF attached to the Secure Message Center message (downloads)' }),
  },
  { additionalProperties: false },
);

export const CaseNotices = Type.Object({ caseId: Type.String(), caseNumber: Type.String(), items: Type.Array(NoticeView) }, { additionalProperties: false });
