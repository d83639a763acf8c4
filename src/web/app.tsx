import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { StaffCasePage } from './agent/case-page.tsx';
import { CustomerPage } from './agent/customer-page.tsx';
import { QueuePage } from './agent/queue-page.tsx';
import { StaffHome } from './agent/staff-home.tsx';
import { ReviewDesk } from './agent/review-desk.tsx';
import { ReviewQueue } from './agent/review-queue.tsx';
import { isStaff } from './api-types.ts';
import { AccountPage } from './cardholder/account-page.tsx';
import { FeeRefundPage } from './cardholder/fees/fee-refund-page.tsx';
import { ReviewPage } from './cardholder/review/review-page.tsx';
import { RewardsPage } from './cardholder/rewards/rewards-page.tsx';
import { CardholderHome } from './cardholder/home.tsx';
import { ComposePage } from './cardholder/messages/compose-page.tsx';
import { ConversationPage } from './cardholder/messages/conversation-page.tsx';
import { InboxPage } from './cardholder/messages/inbox-page.tsx';
import { DirectoryProvider } from './components/directory.tsx';
import { Layout } from './components/layout.tsx';
import { Loading } from './components/status.tsx';
import { ContactPage } from './guest/contact-page.tsx';
import { NotFoundPage } from './guest/not-found-page.tsx';
import { SignInPage } from './guest/sign-in-page.tsx';
import { DisputeStaffPage } from './agent/dispute-page.tsx';
import { DisputesQueuePage } from './agent/disputes-queue-page.tsx';
import { DisputeStatusPage } from './cardholder/disputes/dispute-status-page.tsx';
import { DisputeWizardPage } from './cardholder/disputes/dispute-wizard-page.tsx';
import { DisputesPage } from './cardholder/disputes/disputes-page.tsx';
import { FraudAlertsPage } from './cardholder/fraud/fraud-alerts-page.tsx';
import { FraudLinkPage } from './guest/fraud-link-page.tsx';
import { ScamCheckPage } from './guest/scam-check-page.tsx';
import { ArticlesPage } from './agent/articles-page.tsx';
import { ArticleEditorPage } from './agent/article-editor-page.tsx';
import { ComplaintRegisterPage } from './agent/complaint-register-page.tsx';
import { StaffComplaintPage } from './agent/complaint-page.tsx';
import { FileComplaintPage } from './cardholder/complaints/file-complaint-page.tsx';
import { CallbackPage } from './cardholder/complaints/callback-page.tsx';
import { matchPath, navigate, useLocation } from './router.tsx';
import { homePathFor, SessionProvider, useSession } from './session.tsx';

type Audience = 'cardholder' | 'staff';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading label="Redirecting…" />;
}

/** Pages behind sign-in: anonymous visitors go to sign-in and come back; the other audience goes home. */
function Guard({ audience, children }: { audience: Audience; children: ReactNode }) {
  const { state } = useSession();
  const { href } = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') {
    if (state.reason === 'signed-out') return <Redirect to="/sign-in?signed-out=1" />;
    const reason = state.reason === 'expired' ? '&expired=1' : '';
    return <Redirect to={`/sign-in?next=${encodeURIComponent(href)}${reason}`} />;
  }
  const isAllowed = audience === 'staff' ? isStaff(state.user.role) : state.user.role === 'cardholder';
  return isAllowed ? children : <Redirect to={homePathFor(state.user)} />;
}

/** The dashboard's charting library is large: it loads only when a supervisor opens the page. */
const LazyDashboardPage = lazy(() => import('./agent/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })));

function Routes() {
  const { path, search } = useLocation();
  if (path === '/') return <Guard audience="cardholder"><CardholderHome /></Guard>;
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/contact') return <ContactPage />;
  // Self-service (issue 7): the public scam check; the staff help-article editor.
  if (path === '/scam-check') return <ScamCheckPage />;
  if (path === '/staff/articles') return <Guard audience="staff"><ArticlesPage /></Guard>;
  const staffArticle = matchPath('/staff/articles/:slug', path);
  if (staffArticle?.slug) return <Guard audience="staff"><ArticleEditorPage slug={staffArticle.slug} /></Guard>;
  if (path === '/staff') return <Guard audience="staff"><StaffHome /></Guard>;
  if (path === '/messages') return <Guard audience="cardholder"><InboxPage /></Guard>;
  if (path === '/messages/new') return <Guard audience="cardholder"><ComposePage /></Guard>;
  if (path === '/staff/queue') return <Guard audience="staff"><QueuePage /></Guard>;
  // Escalation ladder (issue 4): file a complaint, the complaint register, the supervisor dashboard (charts load on demand).
  if (path === '/complaints/new') return <Guard audience="cardholder"><FileComplaintPage /></Guard>;
  if (path === '/callbacks/new') return <Guard audience="cardholder"><CallbackPage /></Guard>;
  if (path === '/staff/complaints') return <Guard audience="staff"><ComplaintRegisterPage /></Guard>;
  const staffComplaint = matchPath('/staff/complaints/:id', path);
  if (staffComplaint?.id) return <Guard audience="staff"><StaffComplaintPage id={staffComplaint.id} /></Guard>;
  if (path === '/staff/dashboard') return <Guard audience="staff"><Suspense fallback={<Loading label="Loading the dashboard…" />}><LazyDashboardPage /></Suspense></Guard>;
  // Disputes and fraud alerts (issue 5). An alert link with ?token= is public: the token answers, no sign-in.
  if (path === '/disputes') return <Guard audience="cardholder"><DisputesPage /></Guard>;
  if (path === '/disputes/new') return <Guard audience="cardholder"><DisputeWizardPage /></Guard>;
  const dispute = matchPath('/disputes/:id', path);
  if (dispute?.id) return <Guard audience="cardholder"><DisputeStatusPage id={dispute.id} /></Guard>;
  if (path === '/staff/disputes') return <Guard audience="staff"><DisputesQueuePage /></Guard>;
  const staffDispute = matchPath('/staff/disputes/:id', path);
  if (staffDispute?.id) return <Guard audience="staff"><DisputeStaffPage id={staffDispute.id} /></Guard>;
  if (path === '/alerts') return <Guard audience="cardholder"><FraudAlertsPage /></Guard>;
  const alert = matchPath('/alerts/:id', path);
  const alertToken = search.get('token');
  if (alert?.id && alertToken) return <FraudLinkPage id={alert.id} token={alertToken} />;
  if (alert?.id) return <Guard audience="cardholder"><FraudAlertsPage id={alert.id} /></Guard>;
  const conversation = matchPath('/messages/:id', path);
  if (conversation?.id) return <Guard audience="cardholder"><ConversationPage id={conversation.id} /></Guard>;
  const staffCase = matchPath('/staff/cases/:id', path);
  if (staffCase?.id) return <Guard audience="staff"><StaffCasePage id={staffCase.id} /></Guard>;
  const feeRefund = matchPath('/accounts/:id/fee-refund', path);
  if (feeRefund?.id) return <Guard audience="cardholder"><FeeRefundPage id={feeRefund.id} /></Guard>;
  const accountReview = matchPath('/accounts/:id/review', path);
  if (accountReview?.id) return <Guard audience="cardholder"><ReviewPage id={accountReview.id} /></Guard>;
  const rewards = matchPath('/accounts/:id/rewards', path);
  if (rewards?.id) return <Guard audience="cardholder"><RewardsPage id={rewards.id} /></Guard>;
  const account = matchPath('/accounts/:id', path);
  if (account?.id) return <Guard audience="cardholder"><AccountPage id={account.id} /></Guard>;
  if (path === '/staff/reviews') return <Guard audience="staff"><ReviewQueue /></Guard>;
  const staffReview = matchPath('/staff/accounts/:id/review', path);
  if (staffReview?.id) return <Guard audience="staff"><ReviewDesk id={staffReview.id} /></Guard>;
  const staffAccount = matchPath('/staff/accounts/:id', path);
  if (staffAccount?.id) return <Guard audience="staff"><AccountPage id={staffAccount.id} audience="staff" /></Guard>;
  const customer = matchPath('/staff/customers/:id', path);
  if (customer?.id) return <Guard audience="staff"><CustomerPage id={customer.id} /></Guard>;
  return <NotFoundPage />;
}

export function App() {
  const { path } = useLocation();
  return (
    <SessionProvider>
      <DirectoryProvider>
        <Layout>
          <Routes key={path} />
        </Layout>
      </DirectoryProvider>
    </SessionProvider>
  );
}
