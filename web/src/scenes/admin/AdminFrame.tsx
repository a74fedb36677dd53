import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../auth/session';
import './admin.css';

const TABS = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/tokens', label: 'API tokens' },
  { to: '/admin/audit', label: 'Audit log' },
];

/**
 * The administration pages' frame: title, tabs, and a plain refusal for anyone who is not an
 * admin (the API refuses them anyway; the navigation does not offer the pages).
 */
export function AdminFrame({ ready, children }: { ready?: string | undefined; children: ReactNode }) {
  const { isAdmin } = useSession();
  const { pathname } = useLocation();
  return (
    <div className="admin-page" data-ready={isAdmin ? ready : undefined}>
      <div className="page-head">
        <h1>Administration</h1>
        <p className="sub">Accounts and their clearances, API tokens, and the audit log.</p>
      </div>
      {isAdmin ? (
        <>
          <nav className="kind-tabs admin-tabs" aria-label="Administration">
            {TABS.map((t) => (
              <Link key={t.to} to={t.to} aria-current={pathname === t.to ? 'page' : undefined}>
                {t.label}
              </Link>
            ))}
          </nav>
          {children}
        </>
      ) : (
        <p className="notice">
          Only administrators manage accounts and read the audit log. Your own API tokens are on{' '}
          <Link to="/tokens">API tokens</Link>.
        </p>
      )}
    </div>
  );
}
