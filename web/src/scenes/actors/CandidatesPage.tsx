import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Candidate, CandidateOutcome, DocumentSummary } from '../../api/types';
import { useSession } from '../../auth/session';
import { KindBadge } from '../../components/Badges';
import { EntityLink } from '../../components/EntityLink';
import { Pager } from '../../components/Pager';
import { ShowAll, useFirst } from '../../components/ShowMore';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { getDocumentSummary } from '../../lib/doc-cache';
import { formatIsoDate, plural } from '../../lib/format';
import { documentPath } from '../../lib/links';
import { useApi, useTitle } from '../../lib/use-api';
import { ActorTabs } from './ActorTabs';
import { candidateNotice, DecidedItem, DecideCandidate, type CandidateNotice } from './CandidateDecisions';
import './actors.css';

const PAGE = 25;
/** Documents listed (with their titles) when a candidate's list is opened; the rest on demand, by id. */
const TITLED = 12;

/**
 * Groups and speakers the knowledge base does not know, named in two or more documents, each with
 * the sentences naming it and its documents; analysts accept one as a new entity, make it an
 * alias of a knowledge-base entity, or reject it. The decisions are listed below, with Undo.
 */
export default function CandidatesPage() {
  useTitle('Candidate actors');
  const { canWrite } = useSession();
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const list = useApi((signal) => api.candidates({ limit: PAGE, offset }, signal), [offset]);
  const decided = useApi((signal) => api.candidateDecisions({ limit: 500 }, signal), []);
  const [notice, setNotice] = useState<CandidateNotice>();

  function after(outcome: CandidateOutcome, undone = false) {
    setNotice(candidateNotice(outcome, undone));
    list.reload();
    decided.reload();
  }

  return (
    <div data-ready={list.data && decided.data ? 'candidates' : undefined}>
      <div className="page-head">
        <h1>Actors</h1>
        <p className="sub">
          Candidates: groups and speakers named in two or more documents that the knowledge base does not
          know.
        </p>
      </div>
      <div className="actors-tools">
        <ActorTabs current="candidates" />
      </div>
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice.lead}
          {notice.entityId ? <EntityLink id={notice.entityId} /> : null}
          {notice.tail}
        </p>
      ) : null}
      {list.loading && !list.data ? <Loading what="Loading candidates" /> : null}
      {list.error ? <ErrorMessage error={list.error} retry={list.reload} /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Empty>
            No candidates: every group and speaker named in more than one document is in the knowledge base or
            decided about.
          </Empty>
        ) : (
          <section className="card" aria-label="Candidates">
            <p className="muted small">
              {plural(list.data.total, 'candidate')}, most documents first.{' '}
              {canWrite
                ? 'Accept a real actor as a new entity, or make it another name of one the knowledge base knows; reject what is not an actor. Resolution runs again at once, and every decision can be undone.'
                : 'Analysts accept real actors as new entities, make them aliases of known ones, or reject them.'}
            </p>
            <ul className="plain divided candidate-list">
              {list.data.items.map((c) => (
                <li key={c.key}>
                  <CandidateItem candidate={c} onDecided={canWrite ? (o) => after(o) : undefined} />
                </li>
              ))}
            </ul>
            <p className="credit">
              Quoted sentences come from the documents linked beside them; those from Wikinews articles are
              licensed under{' '}
              <a href="https://creativecommons.org/licenses/by/2.5/" rel="license noreferrer" target="_blank">
                CC BY 2.5
              </a>{' '}
              (each document names its article).
            </p>
            <Pager
              offset={offset}
              limit={PAGE}
              total={list.data.total}
              onChange={(o) => setParams(o ? { offset: String(o) } : {})}
            />
          </section>
        )
      ) : null}
      {decided.error ? <ErrorMessage error={decided.error} retry={decided.reload} /> : null}
      {decided.data && decided.data.items.length > 0 ? (
        <section className="card decided-card" aria-labelledby="decided-h">
          <h2 id="decided-h">Decided</h2>
          <p className="muted small">
            {plural(decided.data.total, 'decision')}, newest first: their names resolve to the entity decided
            on (rejected ones are not listed above).
          </p>
          <ul className="plain divided">
            {decided.data.items.map((d) => (
              <li key={d.key}>
                <DecidedItem decision={d} canUndo={canWrite} onUndone={(o) => after(o, true)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** `text` with each occurrence of `name` (any case) marked, as text nodes. */
function MarkedName({ text, name }: { text: string; name: string }) {
  const lower = text.toLowerCase();
  const needle = name.toLowerCase();
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (let i = needle ? lower.indexOf(needle) : -1; i >= 0; i = lower.indexOf(needle, at)) {
    if (i > at) parts.push({ text: text.slice(at, i), mark: false });
    parts.push({ text: text.slice(i, i + needle.length), mark: true });
    at = i + needle.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return (
    <>
      {parts.map((p, k) =>
        p.mark ? (
          <mark key={k} className="evidence">
            {p.text}
          </mark>
        ) : (
          <span key={k}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** One candidate: name, kind, when seen, up to two sentences naming it, its documents, and (for analysts) the decision. */
function CandidateItem({
  candidate: c,
  onDecided,
}: {
  candidate: Candidate;
  onDecided: ((outcome: CandidateOutcome) => void) | undefined;
}) {
  // Not the key: an id with spaces would name several elements in aria-labelledby.
  const id = useId();
  const [open, setOpen] = useState(false);
  // Two different sentences (the same sentence is often quoted by several reports).
  const examples: Candidate['evidence'] = [];
  for (const e of c.evidence) {
    if (examples.length === 2) break;
    if (!examples.some((x) => x.text === e.text)) examples.push(e);
  }
  return (
    <article className="candidate" aria-labelledby={`${id}-name`}>
      <div className="candidate-head">
        <h2 id={`${id}-name`} className="candidate-name">
          {c.name}
        </h2>
        <KindBadge kind={c.kind} />
        <span className="meta">
          <span>{plural(c.docIds.length, 'document')}</span>
          {c.firstSeen ? (
            <span>
              first seen {formatIsoDate(c.firstSeen.slice(0, 10))}
              {c.lastSeen && c.lastSeen.slice(0, 10) !== c.firstSeen.slice(0, 10)
                ? `, last ${formatIsoDate(c.lastSeen.slice(0, 10))}`
                : ''}
            </span>
          ) : null}
        </span>
      </div>
      {examples.length > 0 ? (
        <ul className="plain candidate-evidence">
          {examples.map((e, k) => (
            <li key={`${e.docId}-${e.start}-${k}`}>
              <span className="evidence-text">
                <MarkedName text={e.text} name={c.name} />
              </span>{' '}
              {e.docId ? (
                <Link className="small nowrap" to={documentPath(e.docId, e)}>
                  in its document
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="candidate-docs" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>The {plural(c.docIds.length, 'document')} naming it</summary>
        {open ? <DocumentLinks ids={c.docIds} /> : null}
      </details>
      {onDecided ? <DecideCandidate candidate={c} onDecided={onDecided} /> : null}
    </article>
  );
}

/** Links to documents by id, the first few with their titles and dates (looked up once opened). */
function DocumentLinks({ ids }: { ids: string[] }) {
  const [docs, setDocs] = useState<Map<string, DocumentSummary>>(new Map());
  const key = ids.slice(0, TITLED).join(',');
  useEffect(() => {
    let live = true;
    const first = key ? key.split(',') : [];
    void Promise.allSettled(first.map((id) => getDocumentSummary(id))).then((results) => {
      if (!live) return;
      const found = new Map<string, DocumentSummary>();
      results.forEach((r, k) => {
        if (r.status === 'fulfilled') found.set(first[k]!, r.value);
      });
      setDocs(found);
    });
    return () => {
      live = false;
    };
  }, [key]);
  const list = useFirst(ids, TITLED);
  return (
    <>
      <ol className="candidate-doc-list">
        {list.shown.map((id) => {
          const d = docs.get(id);
          return (
            <li key={id}>
              <Link to={documentPath(id)}>{d?.title ?? id}</Link>
              {d?.publishedAt ? (
                <span className="meta"> {formatIsoDate(d.publishedAt.slice(0, 10))}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <ShowAll hidden={list.hidden} total={ids.length} noun="documents" onClick={list.showAll} />
    </>
  );
}
