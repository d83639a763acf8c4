import type { Static } from 'typebox';
import type {
  AccountDetailView,
  AccountView,
  CardView,
  CustomerDetailView,
  CustomerSummaryView,
  StatementView,
  TransactionView,
} from '../modules/banking/banking.schema.ts';
import type {
  AttachmentView,
  CaseDetail as CaseDetailSchema,
  CaseSummary as CaseSummarySchema,
  MessagePosted as MessagePostedSchema,
  MessageView,
  PriorityEnum,
  SlaClockView,
  SlaView,
  StaffCaseDetail as StaffCaseDetailSchema,
  StaffCaseSummary as StaffCaseSummarySchema,
  StaffMessageView,
  StatusEnum,
  TimelineEntry as TimelineEntrySchema,
} from '../modules/cases/cases.schema.ts';
import type { Directory as DirectorySchema } from '../modules/directory/directory.schema.ts';
import type { MeView, SessionView, UserView } from '../modules/identity/identity.schema.ts';
import type { DisputeList as DisputeListSchema, DisputeOptionsView, DisputeView as DisputeViewSchema, RefundCheckView } from '../modules/disputes/disputes.schema.ts';
import type { AlertList as AlertListSchema, AlertView as AlertViewSchema } from '../modules/fraud/fraud.schema.ts';
import type { CardView as CardControlView, DeclineAnswer as DeclineAnswerSchema, Reissued as ReissuedSchema } from '../modules/cards/cards.schema.ts';

// The server's response schemas give the web app its types (type-only imports: nothing server-side is bundled).
export type Directory = DirectorySchema;
export type Hotline = Directory['hotlines'][number];
export type User = Static<typeof UserView>;
export type Role = User['role'];
export type SessionResponse = Static<typeof SessionView>;
export type MeResponse = Static<typeof MeView>;

export type Account = AccountView;
export type AccountDetail = AccountDetailView;
export type Card = CardView;
export type Transaction = TransactionView;
export type Statement = StatementView;
export type CustomerSummary = CustomerSummaryView;
export type CustomerDetail = CustomerDetailView;

export type CaseSummary = Static<typeof CaseSummarySchema>;
export type StaffCaseSummary = Static<typeof StaffCaseSummarySchema>;
export type CaseDetail = Static<typeof CaseDetailSchema>;
export type StaffCaseDetail = Static<typeof StaffCaseDetailSchema>;
export type Message = Static<typeof MessageView>;
export type StaffMessage = Static<typeof StaffMessageView>;
export type Attachment = Static<typeof AttachmentView>;
export type TimelineEntry = Static<typeof TimelineEntrySchema>;
export type MessagePosted = Static<typeof MessagePostedSchema>;
export type Priority = Static<typeof PriorityEnum>;
export type CaseStatus = Static<typeof StatusEnum>;
export type Sla = Static<typeof SlaView>;
export type SlaClock = Static<typeof SlaClockView>;
export type Macro = { id: string; title: string; body: string };

export type Page<T> = { items: T[]; nextCursor?: string | null };

export function isStaff(role: Role): boolean {
  return role !== 'cardholder';
}

// Disputes, fraud alerts and card controls (issue 5).
export type Dispute = Static<typeof DisputeViewSchema>;
export type DisputeList = Static<typeof DisputeListSchema>;
export type DisputeOptions = Static<typeof DisputeOptionsView>;
export type DisputeReasonOption = DisputeOptions['reasons'][number];
export type RefundCheck = Static<typeof RefundCheckView>;
export type FraudAlert = Static<typeof AlertViewSchema>;
export type FraudAlertList = Static<typeof AlertListSchema>;
export type CardControl = Static<typeof CardControlView>;
export type DeclineAnswer = Static<typeof DeclineAnswerSchema>;
export type Reissued = Static<typeof ReissuedSchema>;

// Rewards (issue 6).
import type { AdjustmentView as RewardAdjustmentSchema, EnrollmentView as EnrollmentSchema, ExplanationView as PointsExplanationSchema, RedemptionView as RedemptionSchema, RewardsView as RewardsSchema } from '../modules/rewards/rewards.schema.ts';
export type Rewards = Static<typeof RewardsSchema>;
export type RewardsEntry = Rewards['history']['items'][number];
export type PointsExplanation = Static<typeof PointsExplanationSchema>;
export type RewardAdjustment = Static<typeof RewardAdjustmentSchema>;
export type Enrollment = Static<typeof EnrollmentSchema>;
export type Redemption = Static<typeof RedemptionSchema>;
