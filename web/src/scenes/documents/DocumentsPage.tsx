import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { TlpBadge } from '../../components/Badges';
import { Pager } from '../../components/Pager';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { formatTimestamp } from '../../lib/format';
import { useApi, useTitle } from '../../lib/use-api';
import { isWikinews, safeHref } from '../../lib/wikinews';
import './documents.css';

const PAGE = 50;

/** Every document the reader may see, newest first. */
export default function DocumentsPage() {
  useTitle('Documents');
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const list = useApi((signal) => api.documents({ limit: PAGE, offset }, signal), [offset]);
  return (
    <div data-ready={list.data ? 'documents' : undefined}>
      <div className="page-head">
        <h1>Documents</h1>
        {list.data ? <p className="sub">{list.data.total} documents at your clearance</p> : null}
        <Link to="/search" className="button">
          Search documents
        </Link>
      </div>
      {list.loading && !list.data ? <Loading what="Loading documents" /> : null}
      {list.error ? <ErrorMessage error={list.error} retry={list.reload} /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Empty>No documents yet. Ingest files, feeds or URLs with vigil ingest.</Empty>
        ) : (
          <section className="card">
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Published</th>
                    <th scope="col">Title</th>
                    <th scope="col">Marking</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((d) => (
                    <tr key={d.id}>
                      <td className="nowrap">{formatTimestamp(d.publishedAt)}</td>
                      <td>
                        <Link to={`/documents/${encodeURIComponent(d.id)}`}>{d.title ?? d.id}</Link>
                      </td>
                      <td>{d.marking ? <TlpBadge marking={d.marking} /> : '—'}</td>
                      <td className="small nowrap">
                        {safeHref(d.url) ? (
                          <a href={safeHref(d.url)} rel="noreferrer" target="_blank">
                            {isWikinews(d.url) ? 'Wikinews (CC BY 2.5)' : new URL(d.url!).hostname}
                          </a>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              offset={offset}
              limit={PAGE}
              total={list.data.total}
              onChange={(o) => setParams(o ? { offset: String(o) } : {})}
            />
          </section>
        )
      ) : null}
    </div>
  );
}
