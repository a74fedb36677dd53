import { useEffect, useRef, useState, type FormEvent } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { TlpBadge } from './Badges';

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Shown to analysts and admins only (`write`), or to admins only (`admin`). */
  needs?: 'write' | 'admin';
}

const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/incidents', label: 'Incidents' },
  { to: '/chains', label: 'Chains' },
  { to: '/actors', label: 'Actors' },
  { to: '/documents', label: 'Documents' },
  { to: '/search', label: 'Search' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/ingest', label: 'Ingest', needs: 'write' },
  { to: '/admin', label: 'Admin', needs: 'admin' },
];

/** Unacknowledged alerts, refreshed on every navigation and when an alert is acknowledged. */
function useAlertCount(): number | undefined {
  const location = useLocation();
  const [count, setCount] = useState<number>();
  useEffect(() => {
    const controller = new AbortController();
    const refresh = () =>
      api
        .alerts({ unacknowledged: true, limit: 1 }, controller.signal)
        .then((page) => setCount(page.total))
        .catch(() => undefined);
    refresh();
    window.addEventListener('vigil:alerts-changed', refresh);
    return () => {
      controller.abort();
      window.removeEventListener('vigil:alerts-changed', refresh);
    };
  }, [location.pathname]);
  return count;
}

/** The frame of every signed-in page: skip link, header with navigation, search, user and clearance. */
export function Layout() {
  const { user, logout, canWrite, isAdmin } = useSession();
  const nav = NAV.filter((n) => !n.needs || (n.needs === 'write' ? canWrite : isAdmin));
  const navigate = useNavigate();
  const location = useLocation();
  const alertCount = useAlertCount();
  const searchRef = useRef<HTMLInputElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const [q, setQ] = useState('');

  // "/" jumps to the search box, as in most reading tools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Move focus to the page after navigating (not on the first load) so that keyboard and screen
  // reader users start at the new content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  function search(e: FormEvent) {
    e.preventDefault();
    if (q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/" className="brand" aria-label="Vigil, dashboard">
          <img src="/favicon.svg" alt="" />
          Vigil
        </NavLink>
        <nav className="main-nav" aria-label="Main">
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.end ?? false}>
                  {n.label}
                  {n.to === '/alerts' && alertCount ? (
                    <span className="nav-count" aria-label={`${alertCount} new`}>
                      {alertCount}
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <form className="header-search" role="search" onSubmit={search}>
          <label className="visually-hidden" htmlFor="header-q">
            Search documents
          </label>
          <input
            id="header-q"
            ref={searchRef}
            type="search"
            placeholder="Search  ( / )"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </form>
        {user ? (
          <div className="user-box">
            <span>
              <strong>{user.username}</strong> <span className="role">({user.role})</span>
            </span>
            <span>
              <span className="visually-hidden">clearance </span>
              <TlpBadge marking={user.clearance} />
            </span>
            {/* Admins have the tokens, everyone's, under Admin. */}
            {!isAdmin ? (
              <NavLink to="/tokens" className="user-link">
                API tokens
              </NavLink>
            ) : null}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                void logout().then(() => navigate('/login'));
              }}
            >
              Log out
            </button>
          </div>
        ) : null}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        Vigil — sourced records of incidents, statements and retaliation chains. Every field links to the
        sentence that states it.
      </footer>
    </>
  );
}
