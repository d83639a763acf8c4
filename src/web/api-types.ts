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
import type { Directory as DirectorySchema } from '../modules/directory/directory.schema.ts';
import type { MeView, SessionView, UserView } from '../modules/identity/identity.schema.ts';

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

export type Page<T> = { items: T[]; nextCursor?: string | null };

export function isStaff(role: Role): boolean {
  return role !== 'cardholder';
}
