import { Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import type { Chain, ChainEdge } from '../../api/types';
import { KindBadge } from '../../components/Badges';
import { EvidenceCredit } from '../../components/EvidenceCredit';
import { ShowAll, useFirst } from '../../components/ShowMore';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { formatIsoDate, quoted } from '../../lib/format';
import { documentPath, subjectPath } from '../../lib/links';
import { preloadable } from '../../lib/lazy';
import { useApi, useTitle } from '../../lib/use-api';
import './chains.css';

// Cytoscape is large: it loads only on this page.
const chainGraph = preloadable(() => import('./ChainGraph'));
chainGraph.preload().catch(() => undefined);
const ChainGraph = chainGraph.Component;

/** Chains with more steps are drawn only when asked: laying out hundreds of nodes takes seconds. */
const DRAW_UP_TO = 120;
/** Steps listed at first. */
const FIRST_STEPS = 40;

function chainTitle(c: Chain): string {
  const first = c.nodes[0];
  const range = c.start
    ? c.start === c.end
      ? formatIsoDate(c.start)
      : `${formatIsoDate(c.start)} – ${formatIsoDate(c.end)}`
    : 'undated';
  return `${range}: ${first ? first.label.slice(0, 70) : ''}${first && first.label.length > 70 ? '…' : ''}`;
}

/** Retaliation chains: the list, and the chosen chain as a graph with its steps in date order. */
export default function ChainsPage() {
  const { id } = useParams();
  const chains = useApi((signal) => api.chains(signal), []);
  const items = useMemo(() => chains.data?.items ?? [], [chains.data]);
  const chain = items.find((c) => c.id === id) ?? (id ? undefined : items[0]);
  useTitle(chain ? 'Chain' : 'Chains');

  if (chains.loading && !chains.data) return <Loading what="Loading chains" />;
  if (chains.error) return <ErrorMessage error={chains.error} retry={chains.reload} />;

  return (
    <div data-ready={chain ? `chain:${chain.id}` : 'chains'}>
      <div className="page-head">
        <h1>Retaliation chains</h1>
        <p className="sub">
          {items.length} chain{items.length === 1 ? '' : 's'}: incidents and statements linked by “retaliation
          for”.
        </p>
      </div>
      {items.length === 0 ? (
        <Empty>
          No retaliation chain yet. A chain appears when a statement or an attack is framed as revenge for
          another.
        </Empty>
      ) : (
        <div className="chains-layout">
          <nav className="card chain-list" aria-label="Chains">
            <ul className="plain">
              {items.map((c) => (
                <li key={c.id}>
                  <Link
                    to={`/chains/${encodeURIComponent(c.id)}`}
                    aria-current={c.id === chain?.id ? 'page' : undefined}
                  >
                    <span className="chain-range">{chainTitle(c)}</span>
                    <span className="meta">
                      <span>{c.nodes.length} steps</span>
                      {c.ideologies.length > 0 ? <span>{c.ideologies.join(' / ')}</span> : null}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {chain ? (
            <ChainDetail key={chain.id} chain={chain} />
          ) : (
            <Empty>
              No chain {id} here: it may have changed after new documents were resolved. Choose one from the
              list.
            </Empty>
          )}
        </div>
      )}
    </div>
  );
}

/** One chain: its graph (asked for when large), its steps in date order, and the credit of quoted text. */
function ChainDetail({ chain }: { chain: Chain }) {
  const [draw, setDraw] = useState(chain.nodes.length <= DRAW_UP_TO);
  const steps = useFirst(chain.nodes, FIRST_STEPS);
  const shownIds = new Set(steps.shown.map((n) => n.id));
  const nodes = new Map(chain.nodes.map((n) => [n.id, n]));
  const edgesFrom = new Map<string, ChainEdge[]>();
  for (const e of chain.edges) edgesFrom.set(e.from, [...(edgesFrom.get(e.from) ?? []), e]);
  // The quoted evidence is the first of each edge from a listed step.
  const quotedDocs = chain.edges.flatMap((e) =>
    shownIds.has(e.from) && e.evidence[0]?.docId ? [e.evidence[0].docId] : [],
  );
  return (
    <section className="card chain-detail" aria-labelledby="chain-h">
      <h2 id="chain-h">
        Chain of {chain.nodes.length}
        {chain.start ? `, ${formatIsoDate(chain.start)} – ${formatIsoDate(chain.end)}` : ''}
      </h2>
      {chain.ideologies.length > 1 ? (
        <p className="notice">
          Actors of several ideologies ({chain.ideologies.join(', ')}): a possible case of reciprocal
          radicalisation.
        </p>
      ) : chain.ideologies.length === 1 ? (
        <p className="muted">Ideology of the actors: {chain.ideologies[0]}.</p>
      ) : null}
      {draw ? (
        <>
          <Suspense fallback={<Loading what="Drawing the graph" />}>
            <ChainGraph chain={chain} />
          </Suspense>
          <p className="muted small graph-key">
            <KindBadge kind="incident" /> incident · <KindBadge kind="statement" /> statement ·{' '}
            <KindBadge kind="events" /> events named in a text. Arrows point from an act to what it avenges;
            time runs left to right. Select a node to open it.
          </p>
        </>
      ) : (
        <div className="status status-empty graph-skipped">
          <p>
            This chain has {chain.nodes.length} steps: its graph takes a while to lay out. The steps are
            listed below in date order.
          </p>
          <button type="button" onClick={() => setDraw(true)}>
            Draw the graph anyway
          </button>
        </div>
      )}
      <h3 className="steps-h">Steps in date order</h3>
      <ol className="chain-steps">
        {steps.shown.map((n) => {
          const path = subjectPath(n.id);
          const out = edgesFrom.get(n.id) ?? [];
          return (
            <li key={n.id}>
              <div>
                <KindBadge kind={n.kind} />{' '}
                <span className="muted">{n.date ? formatIsoDate(n.date) : 'undated'}</span>{' '}
                {path ? <Link to={path}>{n.label}</Link> : <span>{n.label}</span>}
              </div>
              {n.actors.length > 0 ? <div className="meta">by {n.actors.join(', ')}</div> : null}
              {out.map((e) => {
                const target = nodes.get(e.to);
                const ev = e.evidence[0];
                return (
                  <div key={`${e.from}-${e.to}`} className="chain-edge">
                    ↳ retaliation for <em>{target?.label.slice(0, 80) ?? e.to}</em>
                    {ev ? (
                      <>
                        {': '}
                        <span className="evidence-text">{quoted(ev.text)}</span>{' '}
                        {ev.docId ? <Link to={documentPath(ev.docId, ev)}>source</Link> : null}
                      </>
                    ) : null}
                  </div>
                );
              })}
            </li>
          );
        })}
      </ol>
      <ShowAll hidden={steps.hidden} total={chain.nodes.length} noun="steps" onClick={steps.showAll} />
      <EvidenceCredit docIds={quotedDocs} />
    </section>
  );
}
