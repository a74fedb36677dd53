import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { AlertItem } from '../../components/AlertItem';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useApi, useTitle } from '../../lib/use-api';
import './alerts.css';

/** The alerts inbox: new alerts first; analysts acknowledge them. */
export default function AlertsPage() {
  useTitle('Alerts');
  const { canWrite } = useSession();
  const [params] = useSearchParams();
  const showAll = params.get('show') === 'all';
  const list = useApi(
    (signal) => api.alerts({ unacknowledged: showAll ? undefined : true, limit: 200 }, signal),
    [showAll],
  );
  return (
    <div data-ready={list.data ? 'alerts' : undefined}>
      <div className="page-head">
        <h1>Alerts</h1>
        <nav className="kind-tabs" aria-label="Which alerts">
          <Link to="/alerts" aria-current={!showAll ? 'page' : undefined}>
            New
          </Link>
          <Link to="/alerts?show=all" aria-current={showAll ? 'page' : undefined}>
            All
          </Link>
        </nav>
      </div>
      {!canWrite ? (
        <p className="notice">You can read alerts; an analyst or an administrator acknowledges them.</p>
      ) : null}
      {list.loading && !list.data ? <Loading what="Loading alerts" /> : null}
      {list.error ? <ErrorMessage error={list.error} retry={list.reload} /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Empty>
            {showAll ? (
              'No alert has been raised yet.'
            ) : (
              <>
                No new alerts: every alert has been acknowledged.{' '}
                <Link to="/alerts?show=all">See all alerts</Link>.
              </>
            )}
          </Empty>
        ) : (
          <section className="card">
            <p className="muted small">
              {list.data.total} {showAll ? '' : 'new '}alert{list.data.total === 1 ? '' : 's'}, newest first.
            </p>
            <ul className="plain divided alert-list">
              {list.data.items.map((a) => (
                <li key={a.id}>
                  <AlertItem alert={a} canAcknowledge={canWrite} />
                </li>
              ))}
            </ul>
          </section>
        )
      ) : null}
    </div>
  );
}
