import { useMemo, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { TlpBadge } from '../../components/Badges';
import { Pager } from '../../components/Pager';
import { CorpusCredit } from '../../components/SourceCredit';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { formatTimestamp } from '../../lib/format';
import { useApi, useTitle } from '../../lib/use-api';
import { ATTACK_TYPES } from '../../lib/vocab';
import { isWikinews, safeHref } from '../../lib/wikinews';
import { Snippet } from './Snippet';
import './documents.css';

const FIELDS = ['q', 'from', 'to', 'country', 'group', 'type'] as const;
const PAGE = 20;

/** Full-text search over the documents, with date, country, group and attack-type filters. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const key = FIELDS.map((f) => values[f]).join('|');
  useTitle(values.q ? `Search: ${values.q}` : 'Search');
  const groups = useApi((signal) => api.entities({ kind: 'group', limit: 500 }, signal), []);
  const hits = useApi(
    (signal) =>
      values.q ? api.search({ ...values, limit: PAGE, offset }, signal) : Promise.resolve(undefined),
    [key, offset],
  );
  const groupOptions = useMemo(
    () => (groups.data?.items ?? []).slice().sort((a, b) => a.name.localeCompare(b.name)),
    [groups.data],
  );

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const f of FIELDS) {
      const v = String(form.get(f) ?? '').trim();
      if (v) next.set(f, f === 'country' ? v.toUpperCase() : v);
    }
    setParams(next);
  }

  const page = hits.data;
  return (
    <div data-ready={page ? 'search' : undefined}>
      <div className="page-head">
        <h1>Search documents</h1>
      </div>
      <form className="card search-form" role="search" onSubmit={submit} key={key}>
        <div className="search-main">
          <label htmlFor="s-q" className="visually-hidden">
            Words to find
          </label>
          <input
            id="s-q"
            name="q"
            type="search"
            defaultValue={values.q}
            placeholder="e.g. car bomb Kabul"
            autoFocus={!values.q}
          />
          <button type="submit" className="primary">
            Search
          </button>
        </div>
        <details open={Boolean(values.from || values.to || values.country || values.group || values.type)}>
          <summary>Filters</summary>
          <div className="filters">
            <div className="form-row">
              <label htmlFor="s-from">Published from</label>
              <input id="s-from" name="from" type="date" defaultValue={values.from} />
            </div>
            <div className="form-row">
              <label htmlFor="s-to">to</label>
              <input id="s-to" name="to" type="date" defaultValue={values.to} />
            </div>
            <div className="form-row">
              <label htmlFor="s-country">Incident country (ISO)</label>
              <input
                id="s-country"
                name="country"
                type="text"
                size={6}
                maxLength={2}
                defaultValue={values.country}
              />
            </div>
            <div className="form-row">
              <label htmlFor="s-group">Group named</label>
              <select id="s-group" name="group" defaultValue={values.group}>
                <option value="">any</option>
                {groupOptions.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-row">
              <label htmlFor="s-type">Attack type</label>
              <select id="s-type" name="type" defaultValue={values.type}>
                <option value="">any</option>
                {ATTACK_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>
      </form>

      {!values.q ? (
        <Empty>
          Type words to find in titles and texts. Quotes find phrases; the filters narrow by date, the
          incident&apos;s country or type, and the group named.
        </Empty>
      ) : null}
      {hits.loading && values.q ? <Loading what="Searching" /> : null}
      {hits.error ? <ErrorMessage error={hits.error} retry={hits.reload} /> : null}
      {page && !hits.loading ? (
        page.items.length === 0 ? (
          <Empty>Nothing found for “{values.q}” with these filters.</Empty>
        ) : (
          <section aria-labelledby="results-h" className="card">
            <h2 id="results-h" className="results-h">
              {page.total} document{page.total === 1 ? '' : 's'}
            </h2>
            <ol className="plain divided hits" start={offset + 1}>
              {page.items.map((h) => (
                <li key={h.id}>
                  <div className="item-title">
                    <Link to={`/documents/${encodeURIComponent(h.id)}`}>{h.title ?? h.id}</Link>{' '}
                    {h.marking ? <TlpBadge marking={h.marking} /> : null}
                  </div>
                  <div className="meta">
                    <span>{formatTimestamp(h.publishedAt)}</span>
                    {isWikinews(h.url) ? (
                      <span>
                        <a href={safeHref(h.url)} rel="noreferrer" target="_blank">
                          Wikinews article
                        </a>
                      </span>
                    ) : null}
                  </div>
                  <Snippet text={h.snippet} />
                </li>
              ))}
            </ol>
            <CorpusCredit urls={page.items.map((h) => h.url)} />
            <Pager
              offset={offset}
              limit={PAGE}
              total={page.total}
              onChange={(o) => {
                const next = new URLSearchParams(params);
                if (o) next.set('offset', String(o));
                else next.delete('offset');
                setParams(next);
              }}
            />
          </section>
        )
      ) : null}
    </div>
  );
}
