import { Suspense, useDeferredValue, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { DecisionResult, Incident } from '../../api/types';
import { ActorList } from '../../components/Actors';
import { Pager } from '../../components/Pager';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { countValue, formatConfidence, formatCount, formatDate, formatPlace, plural } from '../../lib/format';
import { preloadable } from '../../lib/lazy';
import { useApi, useTitle } from '../../lib/use-api';
import { ATTACK_TYPES } from '../../lib/vocab';
import { useSession } from '../../auth/session';
import { incidentLabel, MergePanel } from './MergePanel';
import { dateTime, Timeline } from './Timeline';
import './incidents.css';

// d3-geo and the world atlas only load with the map, fetched as soon as this page is (in
// parallel with the incidents, not after them).
const worldMap = preloadable(() => import('./WorldMap'));
worldMap.preload().catch(() => undefined);
const WorldMap = worldMap.Component;

const FILTERS = ['from', 'to', 'country', 'type', 'group', 'all'] as const;
const PAGE = 50;
const FETCH_LIMIT = 500;

type SortKey = 'date' | 'killed' | 'reports' | 'confidence';

const NONE: Incident[] = [];

/** Filterable incidents: a world map, a timeline and a table, all of the same filtered list. */
export default function IncidentsPage() {
  useTitle('Incidents');
  const { canWrite } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const key = FILTERS.map((f) => filters[f]).join('|');
  const list = useApi(
    (signal) =>
      api.incidents({ ...filters, all: filters.all ? 'true' : undefined, limit: FETCH_LIMIT }, signal),
    [key],
  );
  const groups = useApi((signal) => api.entities({ kind: 'group', limit: 500 }, signal), []);
  const [offset, setOffset] = useState(0);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'date', desc: true });
  // Incidents ticked for a merge (kept across pages and filters until merged or cleared).
  const [selected, setSelected] = useState<Incident[]>([]);
  const [merged, setMerged] = useState<{ outcome: DecisionResult; count: number }>();
  const isSelected = (id: string) => selected.some((s) => s.id === id);
  const toggle = (i: Incident) =>
    setSelected((s) => (s.some((x) => x.id === i.id) ? s.filter((x) => x.id !== i.id) : [...s, i]));

  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  // The map and the timeline draw hundreds of points: they follow the table by a frame rather
  // than hold it up (React renders them again, without blocking, once the table is on screen).
  const drawn = useDeferredValue(items, NONE);
  const sorted = useMemo(() => {
    const value = (i: Incident): number => {
      switch (sort.key) {
        case 'date':
          return dateTime(i.date?.value) ?? -Infinity;
        case 'killed':
          return countValue(i.killed) ?? -1;
        case 'reports':
          return i.mentionCount ?? i.mentions?.length ?? i.documents?.length ?? 0;
        case 'confidence':
          return i.confidence ?? 0;
      }
    };
    return [...items].sort((a, b) => (sort.desc ? value(b) - value(a) : value(a) - value(b)));
  }, [items, sort]);

  const countries = useMemo(() => {
    const m = new Map<string, string>();
    for (const i of items) if (i.location?.countryCode) m.set(i.location.countryCode, i.location.country);
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [items]);

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const v = String(form.get(f) ?? '').trim();
      if (v) next.set(f, f === 'country' ? v.toUpperCase() : v);
    }
    setOffset(0);
    setParams(next);
  }

  const sortHeader = (k: SortKey, label: string, className?: string) => (
    <th
      scope="col"
      className={className}
      aria-sort={sort.key === k ? (sort.desc ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort((s) => ({ key: k, desc: s.key === k ? !s.desc : true }))}
      >
        {label}
        <span aria-hidden="true">{sort.key === k ? (sort.desc ? ' ▾' : ' ▴') : ''}</span>
      </button>
    </th>
  );

  const filtered = FILTERS.some((f) => filters[f]);
  return (
    <div data-ready={list.data ? 'incidents' : undefined}>
      <div className="page-head">
        <h1>Incidents</h1>
        {list.data ? (
          <p className="sub" aria-live="polite">
            {list.data.total} incident{list.data.total === 1 ? '' : 's'}
            {filtered ? ' match the filters' : ''}
            {list.data.total > items.length ? ` (the first ${items.length} are shown)` : ''}
          </p>
        ) : null}
        {canWrite ? (
          <p className="sub export-links">
            Export everything you may see:{' '}
            <a href="/api/export?format=stix" download>
              STIX 2.1
            </a>
            {' · '}
            <a href="/api/export?format=csv" download>
              GTD-style CSV
            </a>
            {' · '}
            <a href="/api/export?format=jsonl" download>
              JSON Lines
            </a>
          </p>
        ) : null}
      </div>

      <form className="filters card" onSubmit={apply} key={key} aria-label="Filter incidents">
        <div className="form-row">
          <label htmlFor="f-from">From</label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="form-row">
          <label htmlFor="f-to">To</label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to} />
        </div>
        <div className="form-row">
          <label htmlFor="f-country">Country (ISO code)</label>
          <input
            id="f-country"
            name="country"
            type="text"
            list="country-list"
            size={8}
            maxLength={2}
            placeholder="e.g. AF"
            defaultValue={filters.country}
          />
          <datalist id="country-list">
            {countries.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </datalist>
        </div>
        <div className="form-row">
          <label htmlFor="f-type">Attack type</label>
          <select id="f-type" name="type" defaultValue={filters.type}>
            <option value="">any</option>
            {ATTACK_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor="f-group">Group</label>
          <select id="f-group" name="group" defaultValue={filters.group}>
            <option value="">any</option>
            {(groups.data?.items ?? [])
              .slice()
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            {filters.group && !groups.data?.items.some((g) => g.id === filters.group) ? (
              <option value={filters.group}>{filters.group}</option>
            ) : null}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" name="all" value="true" defaultChecked={Boolean(filters.all)} /> Include
          incidents only recalled in passing
        </label>
        <div className="filter-buttons">
          <button type="submit" className="primary">
            Apply
          </button>
          {filtered ? (
            <button
              type="button"
              onClick={() => {
                setOffset(0);
                setParams(new URLSearchParams());
              }}
            >
              Clear
            </button>
          ) : null}
        </div>
      </form>

      {merged ? (
        <p className="notice notice-ok" role="status">
          Merged {plural(merged.count, 'incident')} into one
          {merged.outcome.incident ? (
            <>
              {': '}
              <Link to={`/incidents/${encodeURIComponent(merged.outcome.incident)}`}>
                open the merged incident
              </Link>
            </>
          ) : null}
          . Resolution ran again: {plural(merged.outcome.incidents, 'incident')} in all.
        </p>
      ) : null}
      {list.error ? <ErrorMessage error={list.error} retry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading what="Loading incidents" /> : null}
      {list.data && items.length === 0 ? (
        <Empty>
          {filtered
            ? 'No incident matches these filters.'
            : 'No incidents yet. Ingest news reports with vigil ingest.'}
        </Empty>
      ) : null}

      {items.length > 0 ? (
        <>
          <div className="incidents-views">
            <section className="card" aria-labelledby="map-h">
              <h2 id="map-h">Map</h2>
              <Suspense fallback={<Loading what="Loading the map" />}>
                <WorldMap incidents={drawn} />
              </Suspense>
            </section>
            <section className="card" aria-labelledby="timeline-h">
              <h2 id="timeline-h">Timeline</h2>
              <Timeline incidents={drawn} />
            </section>
          </div>

          <section className="card" aria-labelledby="table-h">
            <h2 id="table-h">Table</h2>
            {canWrite && selected.length === 0 ? (
              <p className="muted small">Tick incidents that are one to merge them.</p>
            ) : null}
            <div className="table-wrap">
              <table className="data incidents-table">
                <thead>
                  <tr>
                    {canWrite ? (
                      <th scope="col" className="select-col">
                        <span className="visually-hidden">Select for merging</span>
                      </th>
                    ) : null}
                    {sortHeader('date', 'Date')}
                    <th scope="col">Type</th>
                    <th scope="col">Place</th>
                    <th scope="col">Perpetrators</th>
                    {sortHeader('killed', 'Killed', 'num')}
                    <th scope="col" className="num">
                      Wounded
                    </th>
                    {sortHeader('reports', 'Reports', 'num')}
                    {sortHeader('confidence', 'Confidence', 'num')}
                  </tr>
                </thead>
                <tbody>
                  {sorted.slice(offset, offset + PAGE).map((i) => (
                    <tr key={i.id} className={isSelected(i.id) ? 'selected' : undefined}>
                      {canWrite ? (
                        <td className="select-col">
                          <input
                            type="checkbox"
                            checked={isSelected(i.id)}
                            onChange={() => toggle(i)}
                            aria-label={`Select ${incidentLabel(i)} for merging`}
                          />
                        </td>
                      ) : null}
                      <td className="nowrap">{formatDate(i.date)}</td>
                      <td>
                        <Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.type}</Link>
                        {i.role === 'background' ? (
                          <span className="badge badge-neutral">recalled</span>
                        ) : null}
                      </td>
                      <td className="place">{formatPlace(i.location)}</td>
                      <td>
                        <ActorList actors={i.perpetrators} />
                      </td>
                      <td className="num">{formatCount(i.killed)}</td>
                      <td className="num">{formatCount(i.wounded)}</td>
                      <td className="num">
                        {i.mentionCount ?? i.mentions?.length ?? i.documents?.length ?? '—'}
                      </td>
                      <td className="num">{formatConfidence(i.confidence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {canWrite ? (
              <MergePanel
                selected={selected}
                onRemove={(id) => setSelected((s) => s.filter((x) => x.id !== id))}
                onClear={() => setSelected([])}
                onMerged={(outcome, count) => {
                  setMerged({ outcome, count });
                  setSelected([]);
                  list.reload();
                }}
              />
            ) : null}
            <Pager offset={offset} limit={PAGE} total={sorted.length} onChange={setOffset} />
          </section>
        </>
      ) : null}
    </div>
  );
}
