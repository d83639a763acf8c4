import { type ReactNode, useEffect } from 'react';
import { StaffCasePage } from './agent/case-page.tsx';
import { CustomerPage } from './agent/customer-page.tsx';
import { QueuePage } from './agent/queue-page.tsx';
import { StaffHome } from './agent/staff-home.tsx';
import { isStaff } from './api-types.ts';
import { AccountPage } from './cardholder/account-page.tsx';
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

function Routes() {
  const { path } = useLocation();
  if (path === '/') return <Guard audience="cardholder"><CardholderHome /></Guard>;
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/contact') return <ContactPage />;
  if (path === '/staff') return <Guard audience="staff"><StaffHome /></Guard>;
  if (path === '/messages') return <Guard audience="cardholder"><InboxPage /></Guard>;
  if (path === '/messages/new') return <Guard audience="cardholder"><ComposePage /></Guard>;
  if (path === '/staff/queue') return <Guard audience="staff"><QueuePage /></Guard>;
  const conversation = matchPath('/messages/:id', path);
  if (conversation?.id) return <Guard audience="cardholder"><ConversationPage id={conversation.id} /></Guard>;
  const staffCase = matchPath('/staff/cases/:id', path);
  if (staffCase?.id) return <Guard audience="staff"><StaffCasePage id={staffCase.id} /></Guard>;
  const account = matchPath('/accounts/:id', path);
  if (account?.id) return <Guard audience="cardholder"><AccountPage id={account.id} /></Guard>;
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
