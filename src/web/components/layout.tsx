import type { ReactNode } from 'react';
import { isStaff } from '../api-types.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useDirectory } from './directory.tsx';

/** `except`: paths under `to` that have a nav link of their own (so only one link is current). */
function NavLink({ to, except = [], children }: { to: string; except?: string[]; children: ReactNode }) {
  const { path } = useLocation();
  const isUnder = (p: string) => path === p || path.startsWith(`${p}/`);
  const isCurrent = path === to || (to !== '/' && isUnder(to) && !except.some(isUnder));
  return (
    <Link to={to} className="nav__link" aria-current={isCurrent ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function Header() {
  const { state, signOut } = useSession();
  const directory = useDirectory();
  const issuer = directory.data?.issuer.name ?? 'Cardcare';
  const user = state.status === 'signed-in' ? state.user : null;
  const home = user && isStaff(user.role) ? '/staff' : '/';
  const handleSignOut = async () => {
    await signOut();
    navigate('/sign-in?signed-out=1', { replace: true });
  };
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={home} className="brand">
          <span className="brand__name">{issuer}</span>
          <span className="brand__tag">Customer service</span>
        </Link>
        <nav className="nav" aria-label="Main">
          {user ? <NavLink to={home} except={['/staff/queue', '/staff/cases', '/staff/articles', '/staff/dashboard', '/staff/complaints', '/staff/reviews', '/staff/disputes']}>{isStaff(user.role) ? 'Console' : 'Accounts'}</NavLink> : null}
          {user ? isStaff(user.role) ? <NavLink to="/staff/queue">Queue</NavLink> : <NavLink to="/messages">Messages</NavLink> : null}
          {user && user.role === 'admin' ? <NavLink to="/staff/articles">Articles</NavLink> : null}
          {user && ['supervisor', 'compliance', 'admin'].includes(user.role) ? <NavLink to="/staff/dashboard">Dashboard</NavLink> : null}
          {user && ['supervisor', 'compliance', 'admin'].includes(user.role) ? <NavLink to="/staff/complaints">Complaints</NavLink> : null}
          {user ? <NavLink to={isStaff(user.role) ? '/staff/disputes' : '/disputes'}>Disputes</NavLink> : null}
          {user && isStaff(user.role) ? <NavLink to="/staff/reviews">Reviews</NavLink> : null}
          <NavLink to="/contact">Contact us</NavLink>
          {user ? (
            <button type="button" className="nav__link nav__button" onClick={handleSignOut}>
              Sign out
            </button>
          ) : state.status === 'anonymous' ? (
            <NavLink to="/sign-in">Sign in</NavLink>
          ) : null}
        </nav>
      </div>
    </header>
  );
}

function Footer() {
  const directory = useDirectory();
  const { state } = useSession();
  const isCardholderView = !(state.status === 'signed-in' && isStaff(state.user.role));
  const first = directory.data?.hotlines[0];
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          Need a person? <Link to="/contact">See every phone number and address</Link>
          {first ? (
            <>
              {' '}
              or call <a href={`tel:${first.phone}`}>{first.display}</a> ({first.hours.label.toLowerCase()}).
            </>
          ) : (
            '.'
          )}
        </p>
        {isCardholderView ? (
          <p>
            Not happy with our service? <Link to="/complaints/new">Make a formal complaint</Link> and we will answer in writing,
            or <Link to="/callbacks/new">ask us to call you</Link>.
          </p>
        ) : null}
        <p>We will never ask for your full card number, security code, PIN or a one-time code.</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Header />
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}
