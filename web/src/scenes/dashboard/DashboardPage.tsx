import { Link } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { AlertItem } from '../../components/AlertItem';
import { StatementItem } from '../../components/StatementItem';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { WeeklyChart } from '../../components/WeeklyChart';
import { useApi, useTitle } from '../../lib/use-api';
import './dashboard.css';

/** New alerts, incidents per week, the most active groups and the latest statements. */
export default function DashboardPage() {
  useTitle('Dashboard');
  const { canWrite } = useSession();
  const dash = useApi((signal) => api.dashboard(signal), []);
  const stats = useApi((signal) => api.stats(signal), []);

  if (dash.loading && !dash.data) return <Loading what="Loading the dashboard" />;
  if (dash.error) return <ErrorMessage error={dash.error} retry={dash.reload} />;
  const d = dash.data!;
  const maxGroup = Math.max(1, ...d.topGroups.map((g) => g.incidents));

  return (
    <div className="dashboard" data-ready="dashboard">
      <div className="page-head">
        <h1>Dashboard</h1>
        {stats.data ? (
          <p className="sub">
            <Link to="/documents">{stats.data.documents} documents</Link> ·{' '}
            <Link to="/incidents?all=true">
              {stats.data.resolvedIncidents ?? stats.data.incidents} incidents
            </Link>{' '}
            · {stats.data.resolvedStatements ?? stats.data.statements} statements
          </p>
        ) : null}
      </div>

      <div className="dash-grid">
        <div className="dash-col">
          <section className="card dash-weekly" aria-labelledby="dash-weekly">
            <header className="card-head">
              <h2 id="dash-weekly">Incidents per week</h2>
              <Link to="/incidents">All incidents →</Link>
            </header>
            {d.incidentsPerWeek.length === 0 ? (
              <Empty>
                No dated incidents yet. Ingest news reports with <code>vigil ingest</code>.
              </Empty>
            ) : (
              <WeeklyChart rows={d.incidentsPerWeek} />
            )}
          </section>
          <section className="card dash-statements" aria-labelledby="dash-statements">
            <header className="card-head">
              <h2 id="dash-statements">Latest statements</h2>
            </header>
            {d.latestStatements.length === 0 ? (
              <Empty>
                No statements yet: calls to violence, threats, claims and revenge justifications appear here.
              </Empty>
            ) : (
              <ul className="plain divided">
                {d.latestStatements.slice(0, 6).map((s) => (
                  <li key={s.id}>
                    <StatementItem statement={s} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div className="dash-col">
          <section className="card dash-alerts" aria-labelledby="dash-alerts">
            <header className="card-head">
              <h2 id="dash-alerts">New alerts</h2>
              <Link to="/alerts">Alerts inbox →</Link>
            </header>
            {d.alerts.length === 0 ? (
              <Empty>
                No new alerts. Vigil raises one when a call for revenge cites a recent incident, an attack is
                framed as revenge, or statements spike after an incident.
              </Empty>
            ) : (
              <ul className="plain divided">
                {d.alerts.slice(0, 5).map((a) => (
                  <li key={a.id}>
                    <AlertItem
                      alert={a}
                      canAcknowledge={canWrite}
                      compact
                      onAcknowledged={() => dash.reload()}
                    />
                  </li>
                ))}
              </ul>
            )}
            {d.alerts.length > 5 ? (
              <p className="small">
                <Link to="/alerts">{d.alerts.length - 5} more new alerts</Link>
              </p>
            ) : null}
          </section>
          <section className="card dash-groups" aria-labelledby="dash-groups">
            <header className="card-head">
              <h2 id="dash-groups">Most active groups</h2>
              <Link to="/actors">Actors →</Link>
            </header>
            {d.topGroups.length === 0 ? (
              <Empty>No incident is attributed to a known group yet.</Empty>
            ) : (
              <ol className="group-bars">
                {d.topGroups.map((g) => (
                  <li key={g.id}>
                    <Link to={`/actors/${encodeURIComponent(g.id)}`}>{g.name}</Link>
                    <svg
                      className="group-bar"
                      viewBox="0 0 100 8"
                      preserveAspectRatio="none"
                      aria-hidden="true"
                    >
                      <rect width={(g.incidents / maxGroup) * 100} height="8" rx="1" />
                    </svg>
                    <span className="group-count">
                      {g.incidents} <span className="visually-hidden">incidents</span>
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
