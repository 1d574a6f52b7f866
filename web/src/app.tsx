import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { can, type SessionUser } from './api/credentials';
import { restoreSession, useSession } from './api/session';
import { TopBar } from './components/top-bar';
import { Loading } from './components/feedback';
import { Setup, SignIn } from './screens/sign-in';
import { Account } from './screens/account';
import { Overview } from './screens/overview';
import { MailServer } from './screens/mail-server';
import { OAuthReturn } from './screens/oauth-return';
import { Deliveries } from './screens/deliveries';
import { DeliveryDetailScreen } from './screens/delivery-detail';
import { Events } from './screens/events';
import { Alerts } from './screens/alerts';
import { Tenants } from './screens/tenants';
import { Mailbox, MailboxMessageScreen } from './screens/mailbox';
import { Users } from './screens/users';
import { Tokens } from './screens/tokens';
import { Audit } from './screens/audit';
import { Notifications } from './screens/notifications';
import { Templates } from './screens/templates';
import { MyNotifications } from './screens/my-notifications';
import { mailServerPath } from './screens/scope-links';
import { Screen } from './components/screen-boundary';
import { screenPaths, type ScreenPath } from './screen-paths';

/** The console: sign-in (or first-admin setup) until a session exists, then the screens the user may use. */
export function App() {
  const session = useSession();
  const location = useLocation();

  useEffect(() => {
    void restoreSession();
  }, []);

  if (session.status === 'checking')
    return (
      <main id="main">
        <Loading what="your session" />
      </main>
    );
  if (session.status === 'signed-out') {
    return location.pathname === '/setup' ? (
      <Screen screen="Set up Herald">
        <Setup />
      </Screen>
    ) : (
      <Screen screen="Sign in">
        <SignIn notice={session.notice} />
      </Screen>
    );
  }
  return <Shell user={session.user} />;
}

function Shell({ user }: { user: SessionUser }) {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  const allowed = (permission: string, element: ReactNode) => (can(user, permission) ? element : <NotAllowed />);
  const screens: Record<ScreenPath, ReactNode> = {
    '/': can(user, 'deliveries:read') ? <Overview /> : <Navigate to="/my-notifications" replace />,
    '/setup': <Navigate to="/" replace />,
    '/account': <Account />,
    '/mail-server': user.tenantId ? <Navigate to={mailServerPath(user.tenantId)} replace /> : allowed('settings:read', <MailServer />),
    '/mail-server/:tenantId': allowed('settings:read', <MailServer />),
    '/oauth-return': allowed('settings:write', <OAuthReturn />),
    '/deliveries': allowed('deliveries:read', <Deliveries mode="all" />),
    // The API's own path name for the failure history: a natural address to type.
    '/deliveries/failures': <Navigate to={{ pathname: '/failures', search: location.search }} replace />,
    '/failures': allowed('deliveries:read', <Deliveries mode="failures" />),
    '/deliveries/:id': allowed('deliveries:read', <DeliveryDetailScreen />),
    '/events': allowed('deliveries:read', <Events />),
    '/alerts': allowed('deliveries:read', <Alerts />),
    '/alerts/:tenantId': allowed('deliveries:read', <Alerts />),
    '/tenants': allowed('system', <Tenants />),
    '/mailbox': allowed('deliveries:read', <Mailbox />),
    '/mailbox/:id': allowed('deliveries:read', <MailboxMessageScreen />),
    '/users': allowed('users:read', <Users />),
    '/users/:tenantId': allowed('users:read', <Users />),
    '/tokens': allowed('users:write', <Tokens />),
    '/tokens/:tenantId': allowed('users:write', <Tokens />),
    '/audit': allowed('audit:read', <Audit />),
    '/notifications': allowed('settings:read', <Notifications />),
    '/notifications/:tenantId': allowed('settings:read', <Notifications />),
    '/templates': allowed('settings:read', <Templates />),
    '/templates/:tenantId': allowed('settings:read', <Templates />),
    '/my-notifications': <MyNotifications />,
    '*': <NotFound />,
  };

  // After navigating (not on the first load), move focus to the new screen's content so keyboard
  // and screen-reader users follow.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    main.current?.focus();
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar user={user} />
      <main id="main" ref={main} tabIndex={-1}>
        <Routes>
          {(Object.keys(screens) as ScreenPath[]).map((path) => (
            <Route
              key={path}
              path={path}
              element={
                <Screen key={location.pathname} screen={screenPaths[path]}>
                  {screens[path]}
                </Screen>
              }
            />
          ))}
        </Routes>
      </main>
    </div>
  );
}

function NotAllowed() {
  return (
    <>
      <h1>Not available to your account</h1>
      <p>
        Your role does not include this page. <NavLink to="/">Go to the start page</NavLink>.
      </p>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no console page at this address. <NavLink to="/">Go to the start page</NavLink>.
      </p>
    </>
  );
}
