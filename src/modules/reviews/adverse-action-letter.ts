/**
 * The adverse-action notice as a letter (HTML and PDF through the notices module): the action taken, the
 * specific principal reason, and the ECOA notice naming the agency (Regulation B, 12 CFR 1002.9(a)(2) and
 * (b)(1)). Sent as a Secure Message Center message signed by the reviewer, with the PDF attached.
 */
import { Type } from 'typebox';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { CaseDeps, RequestMeta } from '../cases/index.ts';
import { issueNotice, registerNoticeTemplate } from '../notices/index.ts';
import type { ReviewRow } from './reviews.repo.ts';

/**
 * Adverse-action notice for closing the account: the action, the specific principal reason, and the ECOA
 * notice (Regulation B, 12 CFR 1002.9(a)(2) and (b)(1)).
 */
export function adverseActionNotice(issuerName: string, regulatorName: string, review: Pick<ReviewRow, 'case_number'>, closedOn: string, reason: string): string {
  return [
    `Notice of action taken: on ${closedOn} we closed your account after the review on case ${review.case_number}.`,
    `Principal reason for this decision: ${reason}`,
    'Any balance on the account is still due under your card agreement; payments and refunds still reach the account. You may ask us for the documents we relied on.',
    `The federal Equal Credit Opportunity Act prohibits creditors from discriminating against credit applicants on the basis of race, color, religion, national origin, sex, marital status, or age (provided the applicant has the capacity to contract); because all or part of the applicant's income derives from any public assistance program; or because the applicant has in good faith exercised any right under the Consumer Credit Protection Act. The federal agency that administers compliance with this law concerning ${issuerName} is the ${regulatorName}.`,
  ].join('\n\n');
}

const AdverseActionData = Type.Object(
  {
    reviewId: Type.String({ minLength: 1 }),
    closedOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    reason: Type.String({ minLength: 1, maxLength: 4000 }),
    issuerName: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

registerNoticeTemplate({
  kind: 'adverse_action',
  version: 1,
  title: 'Notice of action taken on your account',
  fileName: 'adverse-action-notice',
  schema: AdverseActionData,
  compose(ctx, d) {
    const text = adverseActionNotice(d.issuerName, ctx.regulator.name, { case_number: ctx.caseNumber }, d.closedOn, d.reason);
    return {
      reference: [{ label: 'Account review', value: d.reviewId }],
      blocks: text.split('\n\n').map((p) => ({ type: 'paragraph' as const, text: p })),
      message: `${text}\n\nThis notice is also attached as a letter (PDF) for your records.`,
    };
  },
});

/** Issues the notice in the caller's unit of work; returns the id of the message it went out with. */
export async function issueAdverseActionLetter(
  deps: CaseDeps,
  unit: Unit,
  input: { actor: StaffActor; caseId: string; reviewId: string; closedOn: string; reason: string; meta: RequestMeta },
): Promise<string> {
  const notice = await issueNotice(deps, unit, {
    caseId: input.caseId,
    kind: 'adverse_action',
    data: { reviewId: input.reviewId, closedOn: input.closedOn, reason: input.reason, issuerName: deps.profile.issuer.name },
    actor: input.actor,
    subject: { type: 'account_review', id: input.reviewId },
    meta: input.meta,
  });
  return notice.messageId;
}
