import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { Pager } from '../../components/Pager';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { useApi, useTitle } from '../../lib/use-api';
import { ActorTabs } from './ActorTabs';
import './actors.css';

const PAGE = 50;
/** The knowledge base: groups, people, outlets and platforms, by kind and name. */
export default function ActorsPage() {
  useTitle('Actors');
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? 'group';
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const [text, setText] = useState(q);
  const list = useApi((signal) => api.entities({ kind, q, limit: PAGE, offset }, signal), [kind, q, offset]);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  function search(e: FormEvent) {
    e.preventDefault();
    set({ q: text.trim() || undefined, offset: undefined });
  }

  return (
    <div data-ready={list.data ? 'actors' : undefined}>
      <div className="page-head">
        <h1>Actors</h1>
        <p className="sub">
          Groups, people, media outlets and platforms of the knowledge base, with their aliases.
        </p>
      </div>
      <div className="actors-tools">
        <ActorTabs current={kind} q={q} />
        <form role="search" onSubmit={search} className="inline-search">
          <label htmlFor="actor-q" className="visually-hidden">
            Name or alias
          </label>
          <input
            id="actor-q"
            type="search"
            placeholder="Name or alias"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit">Find</button>
        </form>
      </div>
      {list.loading && !list.data ? <Loading what="Loading actors" /> : null}
      {list.error ? <ErrorMessage error={list.error} retry={list.reload} /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Empty>{q ? `No ${kind} is called “${q}”.` : `The knowledge base has no ${kind} entries.`}</Empty>
        ) : (
          <section className="card">
            <div className="table-wrap">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Also known as</th>
                    <th scope="col">Ideology</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((e) => (
                    <tr key={e.id}>
                      <td>
                        <Link to={`/actors/${encodeURIComponent(e.id)}`}>{e.name}</Link>
                      </td>
                      <td className="aliases">
                        {(e.aliases ?? []).slice(0, 6).join(', ')}
                        {(e.aliases?.length ?? 0) > 6 ? ` and ${(e.aliases?.length ?? 0) - 6} more` : ''}
                      </td>
                      <td>{e.ideology ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              offset={offset}
              limit={PAGE}
              total={list.data.total}
              onChange={(o) => set({ offset: o ? String(o) : undefined })}
            />
          </section>
        )
      ) : null}
    </div>
  );
}
