import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSession } from './auth/session';
import { preloadable } from './lib/lazy';
import { Layout } from './components/Layout';
import { Loading } from './components/Status';
import { LoginPage } from './scenes/login/LoginPage';

// Every page is its own chunk; the map and the chain graph are split further inside their pages.
const pages = {
  dashboard: preloadable(() => import('./scenes/dashboard/DashboardPage')),
  incidents: preloadable(() => import('./scenes/incidents/IncidentsPage')),
  incident: preloadable(() => import('./scenes/incidents/IncidentPage')),
  statement: preloadable(() => import('./scenes/statements/StatementPage')),
  chains: preloadable(() => import('./scenes/chains/ChainsPage')),
  actors: preloadable(() => import('./scenes/actors/ActorsPage')),
  actor: preloadable(() => import('./scenes/actors/ActorPage')),
  documents: preloadable(() => import('./scenes/documents/DocumentsPage')),
  document: preloadable(() => import('./scenes/documents/DocumentPage')),
  search: preloadable(() => import('./scenes/documents/SearchPage')),
  alerts: preloadable(() => import('./scenes/alerts/AlertsPage')),
  candidates: preloadable(() => import('./scenes/actors/CandidatesPage')),
  ingest: preloadable(() => import('./scenes/ingest/IngestPage')),
  users: preloadable(() => import('./scenes/admin/UsersPage')),
  tokens: preloadable(() => import('./scenes/admin/TokensPage')),
  audit: preloadable(() => import('./scenes/admin/AuditPage')),
};
const DashboardPage = pages.dashboard.Component;
const IncidentsPage = pages.incidents.Component;
const IncidentPage = pages.incident.Component;
const StatementPage = pages.statement.Component;
const ChainsPage = pages.chains.Component;
const ActorsPage = pages.actors.Component;
const ActorPage = pages.actor.Component;
const DocumentsPage = pages.documents.Component;
const DocumentPage = pages.document.Component;
const SearchPage = pages.search.Component;
const AlertsPage = pages.alerts.Component;
const CandidatesPage = pages.candidates.Component;
const IngestPage = pages.ingest.Component;
const UsersPage = pages.users.Component;
const TokensPage = pages.tokens.Component;
const AuditPage = pages.audit.Component;
const NotFoundPage = lazy(() => import('./scenes/NotFoundPage'));

/** The page chunk of the address the app opens on, fetched while the session is being checked. */
function prefetchFirstPage(path: string): Promise<unknown> {
  const [first = '', second] = path.split('/').filter(Boolean);
  const key = (
    {
      '': 'dashboard',
      incidents: second ? 'incident' : 'incidents',
      statements: 'statement',
      chains: 'chains',
      actors: second === 'candidates' ? 'candidates' : second ? 'actor' : 'actors',
      documents: second ? 'document' : 'documents',
      search: 'search',
      alerts: 'alerts',
      ingest: 'ingest',
      tokens: 'tokens',
      admin: second === 'tokens' ? 'tokens' : second === 'audit' ? 'audit' : 'users',
    } as Record<string, keyof typeof pages>
  )[first];
  return key ? pages[key].preload().catch(() => undefined) : Promise.resolve();
}
const firstPage = prefetchFirstPage(window.location.pathname);
let firstPageReady = false;
void firstPage.then(() => (firstPageReady = true));

/** Whether the first page's chunk has arrived (then the page renders without suspending). */
function useFirstPageReady(): boolean {
  const [ready, setReady] = useState(firstPageReady);
  useEffect(() => {
    let live = true;
    void firstPage.then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}

/** Pages behind the login: wait for the session check, send strangers to the login page. */
function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  // The session check and the first page's chunk load in parallel; wait for both.
  const pageReady = useFirstPageReady();
  if (user === undefined || (user && !pageReady)) return <Loading what="Checking your session" />;
  if (user === null || user.mustChangePassword) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <>{children}</>;
}

function page(element: ReactNode) {
  return <Suspense fallback={<Loading />}>{element}</Suspense>;
}

/** The analyst's app: routes under one session. */
export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireSession>
                <Layout />
              </RequireSession>
            }
          >
            <Route index element={page(<DashboardPage />)} />
            <Route path="incidents" element={page(<IncidentsPage />)} />
            <Route path="incidents/:id" element={page(<IncidentPage />)} />
            <Route path="statements/:id" element={page(<StatementPage />)} />
            <Route path="chains" element={page(<ChainsPage />)} />
            <Route path="chains/:id" element={page(<ChainsPage />)} />
            <Route path="actors" element={page(<ActorsPage />)} />
            <Route path="actors/candidates" element={page(<CandidatesPage />)} />
            <Route path="actors/:id" element={page(<ActorPage />)} />
            <Route path="documents" element={page(<DocumentsPage />)} />
            <Route path="documents/:id" element={page(<DocumentPage />)} />
            <Route path="search" element={page(<SearchPage />)} />
            <Route path="alerts" element={page(<AlertsPage />)} />
            <Route path="ingest" element={page(<IngestPage />)} />
            <Route path="tokens" element={page(<TokensPage />)} />
            <Route path="admin" element={<Navigate to="/admin/users" replace />} />
            <Route path="admin/users" element={page(<UsersPage />)} />
            <Route path="admin/tokens" element={page(<TokensPage />)} />
            <Route path="admin/audit" element={page(<AuditPage />)} />
            <Route path="*" element={page(<NotFoundPage />)} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
