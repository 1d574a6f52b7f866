import { useRef, useState } from 'react';
import { NavLink } from 'react-router';
import { can, type SessionUser } from '../api/credentials';
import { signOut } from '../api/session';
import { mailServerPath } from '../screens/scope-links';

interface NavItem {
  to: string | ((user: SessionUser) => string);
  label: string;
  end?: boolean;
  /** What the user needs to see the entry; none: every signed-in user. */
  permission?: string;
}

const nav: NavItem[] = [
  { to: '/', label: 'Overview', end: true, permission: 'deliveries:read' },
  { to: (user) => mailServerPath(user.tenantId ?? 'system'), label: 'Mail server', permission: 'settings:read' },
  { to: '/deliveries', label: 'Deliveries', permission: 'deliveries:read' },
  { to: '/failures', label: 'Failure history', permission: 'deliveries:read' },
  { to: '/events', label: 'Events', permission: 'deliveries:read' },
  { to: '/alerts', label: 'Alerts', permission: 'deliveries:read' },
  { to: '/notifications', label: 'Notifications', permission: 'settings:read' },
  { to: '/templates', label: 'Templates', permission: 'settings:read' },
  { to: '/tenants', label: 'Tenants', permission: 'system' },
  { to: '/mailbox', label: 'Mailbox', permission: 'deliveries:read' },
  { to: '/users', label: 'Users', permission: 'users:read' },
  { to: '/tokens', label: 'API tokens', permission: 'users:write' },
  { to: '/audit', label: 'Audit log', permission: 'audit:read' },
  { to: '/my-notifications', label: 'My notifications' },
];

/**
 * The brand, the main navigation (the entries the user may use) and the account links. On a narrow
 * screen the navigation folds behind a Menu button: open, it lists the entries one a line; choosing
 * one or pressing Escape closes it.
 */
export function TopBar({ user }: { user: SessionUser }) {
  const [open, setOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) menuButton.current?.focus();
  };
  return (
    <header className="topbar">
      <span className="brand">Herald</span>
      <button
        ref={menuButton}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="main-nav"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="menu-icon">
          {open ? '✕' : '☰'}
        </span>{' '}
        Menu
      </button>
      <nav
        id="main-nav"
        aria-label="Main"
        className={open ? 'open' : undefined}
        onKeyDown={(event) => event.key === 'Escape' && open && close(true)}
      >
        <ul>
          {nav
            .filter((item) => !item.permission || can(user, item.permission))
            .map((item) => (
              <li key={item.label}>
                <NavLink to={typeof item.to === 'string' ? item.to : item.to(user)} end={item.end} onClick={() => close(false)}>
                  {item.label}
                </NavLink>
              </li>
            ))}
        </ul>
      </nav>
      <div className="account-links">
        <NavLink to="/account" aria-label={`Account: ${user.name}`}>
          {user.name}
        </NavLink>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </header>
  );
}
