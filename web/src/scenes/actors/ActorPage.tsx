import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ActorList } from '../../components/Actors';
import { EntityLink } from '../../components/EntityLink';
import { StatementItem } from '../../components/StatementItem';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { formatCount, formatDate, formatPlace, humanize } from '../../lib/format';
import { useApi, useTitle } from '../../lib/use-api';
import './actors.css';

/** A group, person or outlet: aliases, what it belongs to, its incidents and its statements. */
export default function ActorPage() {
  const { id = '' } = useParams();
  const entity = useApi((signal) => api.entity(id, signal), [id]);
  const e = entity.data;
  useTitle(e?.name ?? 'Actor');
  if (entity.loading && !e) return <Loading what="Loading the actor" />;
  if (entity.error)
    return (
      <ErrorMessage error={entity.error} retry={entity.reload} back={{ to: '/actors', label: 'actors' }} />
    );
  if (!e) return null;
  const facts: { label: string; value: ReactNode }[] = [];
  if (e.ideology) facts.push({ label: 'Ideology', value: e.ideology });
  if (e.parent) facts.push({ label: 'Part of', value: <EntityLink id={e.parent} /> });
  if (e.group) facts.push({ label: 'Group', value: <EntityLink id={e.group} /> });
  if (e.affiliates && e.affiliates.length > 0)
    facts.push({
      label: 'Affiliates',
      value: e.affiliates.map((a, k) => (
        <span key={a}>
          {k > 0 ? ', ' : null}
          <EntityLink id={a} />
        </span>
      )),
    });
  if (e.roles && e.roles.length > 0)
    facts.push({
      label: 'Roles',
      value: (
        <ul className="plain">
          {e.roles.map((r, k) => (
            <li key={k}>
              {humanize(r.role)}
              {r.group ? (
                <>
                  {' of '}
                  <EntityLink id={r.group} />
                </>
              ) : null}
              {r.from || r.to ? (
                <span className="muted"> ({[r.from ?? '…', r.to ?? '…'].join('–')})</span>
              ) : null}
            </li>
          ))}
        </ul>
      ),
    });
  if (e.outletType) facts.push({ label: 'Outlet type', value: humanize(e.outletType) });
  if (e.platformType) facts.push({ label: 'Platform type', value: humanize(e.platformType) });
  if (e.countries && e.countries.length > 0)
    facts.push({ label: 'Countries', value: e.countries.join(', ') });
  if (e.founded) facts.push({ label: 'Founded', value: String(e.founded) });
  if (e.died) facts.push({ label: 'Died', value: String(e.died) });
  if (e.gtdName) facts.push({ label: 'GTD name', value: e.gtdName });
  const incidents = e.incidents ?? [];
  const statements = e.statements ?? [];

  return (
    <article data-ready={`actor:${e.id}`}>
      <p className="breadcrumb">
        <Link to={`/actors?kind=${encodeURIComponent(e.kind)}`}>Actors</Link> / {humanize(e.kind)}
      </p>
      <div className="page-head">
        <h1>{e.name}</h1>
        <p className="sub">
          {humanize(e.kind)}
          {e.ideology ? ` · ${e.ideology}` : ''}
        </p>
      </div>
      <div className="stack">
        <section className="card" aria-labelledby="aliases-h">
          <h2 id="aliases-h">Names and facts</h2>
          {e.aliases && e.aliases.length > 0 ? (
            <ul className="alias-list">
              {e.aliases.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">No other name is known.</p>
          )}
          {facts.length > 0 ? (
            <dl className="fields">
              {facts.map((f) => (
                <div key={f.label} className="contents">
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {e.note ? <p className="muted small entity-note">{e.note}</p> : null}
        </section>
        <section className="card" aria-labelledby="inc-h">
          <h2 id="inc-h">Incidents ({incidents.length})</h2>
          {incidents.length === 0 ? (
            <Empty>No incident is attributed to or claimed by {e.name}.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Type</th>
                    <th scope="col">Place</th>
                    <th scope="col">Perpetrators</th>
                    <th scope="col" className="num">
                      Killed
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {incidents.map((i) => (
                    <tr key={i.id}>
                      <td className="nowrap">{formatDate(i.date)}</td>
                      <td>
                        <Link to={`/incidents/${encodeURIComponent(i.id)}`}>{i.type}</Link>
                      </td>
                      <td>{formatPlace(i.location)}</td>
                      <td>
                        <ActorList actors={i.perpetrators} />
                      </td>
                      <td className="num">{formatCount(i.killed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="stm-h">
          <h2 id="stm-h">Statements ({statements.length})</h2>
          {statements.length === 0 ? (
            <Empty>No statement by or about {e.name} is recorded.</Empty>
          ) : (
            <ul className="plain divided">
              {statements.map((s) => (
                <li key={s.id}>
                  <StatementItem statement={s} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
